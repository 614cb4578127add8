package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.LineSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accumulates the evaluation metrics over a corpus; definitions in docs/diagnosis.md.
 *
 * <ul>
 *   <li>accuracy and macro-F1 over the categories that occur in the labels;
 *   <li>transient precision/recall/F1 over records with a transient label (positive = transient);
 *   <li>evidence line recall: per record, the share of labelled evidence lines that lie in the
 *       shown spans, averaged over records with evidence (also reported pooled);
 *   <li>line precision: per record, the share of shown lines inside a labelled span, averaged;
 *   <li>hit rate: share of records where at least one shown line is inside a labelled span;
 *   <li>median lines shown, over records with evidence;
 *   <li>Brier score and a reliability table of the category confidence.
 * </ul>
 */
public final class EvalMetrics {
  private int records;
  private int labelled;
  private int correct;
  private final Map<Category, int[]> confusion = new EnumMap<>(Category.class);
  private int tp;
  private int fp;
  private int fn;
  private int tn;
  private int evidenceRecords;
  private double recallSum;
  private double precisionSum;
  private long goldLines;
  private long goldCovered;
  private int hits;
  private final List<Integer> shownCounts = new ArrayList<>();
  private double brier;
  private final int[] binTotal = new int[10];
  private final int[] binCorrect = new int[10];
  private final double[] binConfidence = new double[10];
  private long bytes;
  private long nanos;

  /** Adds one record's prediction; labels may be absent. */
  public void add(CorpusRecord r, Diagnosis d, long recordBytes, long recordNanos) {
    records++;
    bytes += recordBytes;
    nanos += recordNanos;
    if (r.category().isPresent()) {
      labelled++;
      Category gold = r.category().get();
      boolean ok = gold == d.category();
      if (ok) {
        correct++;
      }
      confusion.computeIfAbsent(gold, k -> new int[3])[0]++; // gold count
      confusion.computeIfAbsent(d.category(), k -> new int[3])[1]++; // predicted count
      if (ok) {
        confusion.get(gold)[2]++; // true positives
      }
      double c = d.confidence();
      brier += (c - (ok ? 1 : 0)) * (c - (ok ? 1 : 0));
      int bin = Math.min(9, (int) (c * 10));
      binTotal[bin]++;
      binConfidence[bin] += c;
      if (ok) {
        binCorrect[bin]++;
      }
    }
    if (r.transientLabel().isPresent()) {
      boolean gold = r.transientLabel().get();
      boolean pred = d.transientFailure();
      if (gold && pred) {
        tp++;
      } else if (!gold && pred) {
        fp++;
      } else if (gold) {
        fn++;
      } else {
        tn++;
      }
    }
    if (!r.evidence().isEmpty()) {
      evidenceRecords++;
      int gold = 0;
      int covered = 0;
      for (LineSpan g : distinct(r.evidence())) {
        for (int line = g.first(); line <= g.last(); line++) {
          gold++;
          if (inside(d.evidence(), line)) {
            covered++;
          }
        }
      }
      int shown = 0;
      int shownInside = 0;
      for (LineSpan s : distinct(d.evidence())) {
        for (int line = s.first(); line <= s.last(); line++) {
          shown++;
          if (inside(r.evidence(), line)) {
            shownInside++;
          }
        }
      }
      goldLines += gold;
      goldCovered += covered;
      recallSum += gold == 0 ? 0 : (double) covered / gold;
      precisionSum += shown == 0 ? 0 : (double) shownInside / shown;
      if (shownInside > 0) {
        hits++;
      }
      shownCounts.add(shown);
    }
  }

  private static List<LineSpan> distinct(List<LineSpan> spans) {
    // merge overlapping spans so that no line counts twice
    List<LineSpan> sorted = new ArrayList<>(spans);
    sorted.sort((a, b) -> Integer.compare(a.first(), b.first()));
    List<LineSpan> out = new ArrayList<>();
    for (LineSpan s : sorted) {
      if (!out.isEmpty() && s.first() <= out.get(out.size() - 1).last() + 1) {
        LineSpan last = out.remove(out.size() - 1);
        out.add(new LineSpan(last.first(), Math.max(last.last(), s.last())));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean inside(List<LineSpan> spans, int line) {
    for (LineSpan s : spans) {
      if (s.contains(line)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the share of labelled records whose category was predicted right. */
  public double accuracy() {
    return labelled == 0 ? Double.NaN : (double) correct / labelled;
  }

  /** Returns the mean F1 over categories present in the labels. */
  public double macroF1() {
    double sum = 0;
    int n = 0;
    for (Map.Entry<Category, int[]> e : confusion.entrySet()) {
      int[] c = e.getValue();
      if (c[0] == 0) {
        continue;
      }
      n++;
      sum += f1(c[2], c[1] - c[2], c[0] - c[2]);
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double f1(int tp, int fp, int fn) {
    double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Returns transient F1 (positive class: transient). */
  public double transientF1() {
    return tp + fp + fn == 0 ? Double.NaN : f1(tp, fp, fn);
  }

  /** Returns the per-record averaged evidence line recall. */
  public double evidenceRecall() {
    return evidenceRecords == 0 ? Double.NaN : recallSum / evidenceRecords;
  }

  /** Returns the per-record averaged line precision. */
  public double linePrecision() {
    return evidenceRecords == 0 ? Double.NaN : precisionSum / evidenceRecords;
  }

  /** Returns the share of records with at least one shown line inside a labelled span. */
  public double hitRate() {
    return evidenceRecords == 0 ? Double.NaN : (double) hits / evidenceRecords;
  }

  /** Returns the median number of lines shown over records with labelled evidence. */
  public double medianLinesShown() {
    if (shownCounts.isEmpty()) {
      return Double.NaN;
    }
    List<Integer> s = new ArrayList<>(shownCounts);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
  }

  /** Returns throughput in MB/s (10^6 bytes, uncompressed) over the diagnosis time. */
  public double megabytesPerSecond() {
    return nanos == 0 ? Double.NaN : bytes / 1e6 / (nanos / 1e9);
  }

  /** Renders the report printed by the eval command. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "records: %d (labelled: %d)%n", records, labelled));
    if (labelled > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              "category accuracy: %.3f  macro-F1: %.3f  Brier: %.3f%n",
              accuracy(),
              macroF1(),
              brier / labelled));
      sb.append(
          String.format(
              Locale.ROOT,
              "%-15s %5s %5s %9s %6s%n",
              "category",
              "gold",
              "pred",
              "precision",
              "recall"));
      for (Map.Entry<Category, int[]> e : confusion.entrySet()) {
        int[] c = e.getValue();
        sb.append(
            String.format(
                Locale.ROOT,
                "%-15s %5d %5d %9.3f %6.3f%n",
                e.getKey().wireName(),
                c[0],
                c[1],
                c[1] == 0 ? 0.0 : (double) c[2] / c[1],
                c[0] == 0 ? 0.0 : (double) c[2] / c[0]));
      }
      sb.append("reliability (confidence bin: n, mean confidence, accuracy):");
      for (int b = 0; b < 10; b++) {
        if (binTotal[b] > 0) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  " [%.1f-%.1f): %d, %.2f, %.2f;",
                  b / 10.0,
                  (b + 1) / 10.0,
                  binTotal[b],
                  binConfidence[b] / binTotal[b],
                  (double) binCorrect[b] / binTotal[b]));
        }
      }
      sb.append(System.lineSeparator());
    }
    if (tp + fp + fn + tn > 0) {
      double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
      double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
      sb.append(
          String.format(
              Locale.ROOT,
              "transient: precision %.3f  recall %.3f  F1 %.3f  (tp %d fp %d fn %d tn %d)%n",
              p,
              r,
              transientF1(),
              tp,
              fp,
              fn,
              tn));
    }
    if (evidenceRecords > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              "evidence: line recall %.3f (pooled %.3f)  line precision %.3f  hit rate %.3f"
                  + "  median lines shown %.1f  (%d records)%n",
              evidenceRecall(),
              goldLines == 0 ? 0.0 : (double) goldCovered / goldLines,
              linePrecision(),
              hitRate(),
              medianLinesShown(),
              evidenceRecords));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "throughput: %.1f MB/s (%.1f MB uncompressed in %.2f s, one thread)%n",
            megabytesPerSecond(),
            bytes / 1e6,
            nanos / 1e9));
    return sb.toString();
  }
}
