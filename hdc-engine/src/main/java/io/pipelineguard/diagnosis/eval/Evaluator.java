package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnoser;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.DiagnosisReport;
import io.pipelineguard.diagnosis.LearnedPrototypes;
import io.pipelineguard.diagnosis.LineSpan;
import io.pipelineguard.diagnosis.LogSource;
import io.pipelineguard.internal.json.JsonWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs a {@link Diagnoser} over a corpus in the DATA.md format, writes one JSON prediction line per
 * record and measures the predictions against the labels where present. Prediction reads only a
 * record's {@code log_file} and {@code pass_log_file}, never its labels.
 */
public final class Evaluator {
  private static final int MAX_RECORD_CHARS = 4 << 20;
  private static final int MAX_RECORDS = 10_000_000;

  /** Receives progress as records are done. */
  @FunctionalInterface
  public interface Progress {
    /** Called after each record. */
    void update(int done, int total);
  }

  private Evaluator() {}

  /**
   * Reads {@code records.jsonl} of a corpus folder.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the line when a record is malformed
   */
  public static List<CorpusRecord> readRecords(Path corpusDir) throws IOException {
    Path file = corpusDir.resolve("records.jsonl");
    List<CorpusRecord> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = in.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        if (line.length() > MAX_RECORD_CHARS || out.size() >= MAX_RECORDS) {
          throw new IllegalArgumentException(file + ":" + no + ": record too large or too many");
        }
        try {
          out.add(CorpusRecord.parse(line));
        } catch (IllegalArgumentException | ClassCastException e) {
          throw new IllegalArgumentException(file + ":" + no + ": " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  /**
   * Predicts every record, writing JSON lines to {@code predictions}, and returns the metrics. A
   * record whose log cannot be read is predicted {@code unknown} and reported on {@code problems}.
   */
  public static EvalMetrics evaluate(
      Path corpusDir,
      Diagnoser diagnoser,
      Writer predictions,
      Progress progress,
      List<String> problems)
      throws IOException {
    List<CorpusRecord> records = readRecords(corpusDir);
    EvalMetrics metrics = new EvalMetrics();
    int done = 0;
    for (CorpusRecord r : records) {
      long start = System.nanoTime();
      Diagnosis d;
      long bytes = 0;
      try {
        DiagnosisReport report = diagnose(corpusDir, r, diagnoser);
        d = report.diagnosis();
        bytes = report.read().bytes() + report.passBytes();
      } catch (IOException | RuntimeException e) {
        problems.add(r.id() + ": " + e);
        d = new Diagnosis(Category.UNKNOWN, false, 0.0, List.of(), "unknown/none", true, "" + e);
      }
      long nanos = System.nanoTime() - start;
      metrics.add(r, d, bytes, nanos);
      predictions.write(predictionLine(r.id(), d));
      predictions.write('\n');
      progress.update(++done, records.size());
    }
    return metrics;
  }

  /** Diagnoses one record's log (with its pass log when the record names one). */
  public static DiagnosisReport diagnose(Path corpusDir, CorpusRecord r, Diagnoser diagnoser)
      throws IOException {
    Path log = corpusDir.resolve(r.logFile());
    LogSource pass = r.passLogFile().map(p -> LogSource.of(corpusDir.resolve(p))).orElse(null);
    return diagnoser.diagnose(LogSource.of(log), pass);
  }

  /**
   * Learns prototypes online from a labelled corpus: each record's prototype-query templates (the
   * ones the diagnoser hands to learned prototypes, captured with the rules alone) are learned
   * under the record's category. For batch training with retraining use {@link
   * LearningEval#capture} and {@code HdcPrototypes.train}.
   *
   * @return the number of records learned
   */
  public static int learnFrom(
      Path corpusDir, Diagnoser diagnoser, LearnedPrototypes prototypes, Progress progress)
      throws IOException {
    Objects.requireNonNull(prototypes, "prototypes");
    int learned = 0;
    for (LearningEval.Captured c :
        LearningEval.capture(corpusDir, diagnoser.knowledge(), progress)) {
      if (c.record().category().isPresent() && !c.templates().isEmpty()) {
        prototypes.learn(c.templates(), c.record().category().get());
        learned++;
      }
    }
    return learned;
  }

  /** Renders the prediction line of one record. */
  public static String predictionLine(String id, Diagnosis d) {
    StringBuilder sb = new StringBuilder(128);
    sb.append("{\"id\":");
    JsonWriter.quote(sb, id);
    sb.append(",\"category\":");
    JsonWriter.quote(sb, d.category().wireName());
    sb.append(",\"transient\":").append(d.transientFailure());
    sb.append(",\"confidence\":").append(String.format(Locale.ROOT, "%.3f", d.confidence()));
    sb.append(",\"evidence\":[");
    for (int i = 0; i < d.evidence().size(); i++) {
      LineSpan s = d.evidence().get(i);
      sb.append(i == 0 ? "" : ",").append('[').append(s.first()).append(',').append(s.last());
      sb.append(']');
    }
    sb.append("],\"signature\":");
    JsonWriter.quote(sb, d.signature());
    sb.append(",\"explanation\":");
    JsonWriter.quote(sb, d.explanation());
    return sb.append('}').toString();
  }
}
