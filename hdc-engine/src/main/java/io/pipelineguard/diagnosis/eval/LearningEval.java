package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnoser;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.DiagnosisReport;
import io.pipelineguard.diagnosis.knowledge.KnowledgeBase;
import io.pipelineguard.diagnosis.learn.HdcPrototypes;
import io.pipelineguard.diagnosis.learn.LabelledFailure;
import io.pipelineguard.diagnosis.learn.TrainingOptions;
import io.pipelineguard.diagnosis.learn.TrainingSummary;
import io.pipelineguard.hdc.StableHash;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Measures learning: learned prototypes learned from other corpora ({@code --learn-from}) or from
 * the other folds of the same corpus ({@code --folds K}), each compared with the rules alone, the
 * prototypes alone and a TF-IDF + logistic-regression baseline on the same split. Dev tooling; two
 * diagnosis passes over the evaluated corpus (one to capture templates, one with the learned
 * prototypes) plus one over each learning corpus.
 */
public final class LearningEval {
  private LearningEval() {}

  /**
   * A corpus record with what the rules alone make of it.
   *
   * @param record the record
   * @param templates the templates the diagnoser queries prototypes with (empty: no candidates)
   * @param rulesOnly the diagnosis without learned prototypes
   */
  public record Captured(CorpusRecord record, List<String> templates, DiagnosisReport rulesOnly) {}

  /** Diagnoses every record with the rules alone and captures its prototype-query templates. */
  public static List<Captured> capture(
      Path corpusDir, KnowledgeBase kb, Evaluator.Progress progress) throws IOException {
    TemplateCapture capture = new TemplateCapture();
    Diagnoser diagnoser = Diagnoser.builder().knowledge(kb).prototypes(capture, 0).build();
    List<CorpusRecord> records = Evaluator.readRecords(corpusDir);
    List<Captured> out = new ArrayList<>();
    int done = 0;
    for (CorpusRecord r : records) {
      capture.take();
      DiagnosisReport report = Evaluator.diagnose(corpusDir, r, diagnoser);
      out.add(new Captured(r, capture.take(), report));
      progress.update(++done, records.size());
    }
    return out;
  }

  /** Returns the labelled failures among captured records (records without a label are skipped). */
  public static List<LabelledFailure> labelled(List<Captured> captured) {
    List<LabelledFailure> out = new ArrayList<>();
    for (Captured c : captured) {
      c.record()
          .category()
          .ifPresent(cat -> out.add(new LabelledFailure(c.record().id(), c.templates(), cat)));
    }
    return out;
  }

  /**
   * Assigns each record to one of {@code k} folds: records are ordered by a seeded stable hash of
   * their id and dealt round-robin, so folds differ in size by at most one and every record is in
   * exactly one fold.
   *
   * @return the fold of each record, in the order given
   */
  public static int[] folds(List<CorpusRecord> records, int k, long seed) {
    return folds(records, k, seed, CorpusRecord::id);
  }

  /**
   * Like {@link #folds(List, int, long)} but deals whole groups: records with the same {@code
   * group} key always share a fold (e.g. all jobs of one repository), so a fold never learns from a
   * sibling of a record it evaluates.
   */
  public static int[] folds(
      List<CorpusRecord> records, int k, long seed, Function<CorpusRecord, String> group) {
    Map<String, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < records.size(); i++) {
      groups.computeIfAbsent(group.apply(records.get(i)), g -> new ArrayList<>()).add(i);
    }
    if (k < 2 || k > groups.size()) {
      throw new IllegalArgumentException("folds must be within [2, number of groups]");
    }
    List<String> order = new ArrayList<>(groups.keySet());
    order.sort(
        Comparator.comparingLong((String g) -> StableHash.hash64(seed, "fold", g))
            .thenComparing(g -> g));
    int[] fold = new int[records.size()];
    for (int j = 0; j < order.size(); j++) {
      for (int i : groups.get(order.get(j))) {
        fold[i] = j % k;
      }
    }
    return fold;
  }

  /** Group key "same directory as the log file" (in logchunks-dev: the repository). */
  public static String logDirectory(CorpusRecord r) {
    int slash = r.logFile().lastIndexOf('/');
    return slash < 0 ? "" : r.logFile().substring(0, slash);
  }

  /** One train/test split: train on {@code train}, evaluate the records of {@code test}. */
  record Split(List<Captured> train, List<Integer> test) {}

  /** The metrics of one learning evaluation. */
  public record Result(
      EvalMetrics combined,
      EvalMetrics rulesOnly,
      EvalMetrics prototypesOnly,
      EvalMetrics baselineOnly,
      EvalMetrics rulesPlusBaseline,
      List<TrainingSummary> training,
      List<HdcPrototypes> models) {
    /** Renders the combined metrics and the comparison table. */
    public String render() {
      StringBuilder sb = new StringBuilder(combined.render());
      sb.append("comparison on the same split (accuracy / macro-F1):\n");
      row(sb, "rules only", rulesOnly);
      row(sb, "HDC prototypes only", prototypesOnly);
      row(sb, "TF-IDF + LR only", baselineOnly);
      row(sb, "rules + HDC (diagnoser)", combined);
      row(sb, "rules + TF-IDF/LR", rulesPlusBaseline);
      for (TrainingSummary t : training) {
        sb.append(
            String.format(
                Locale.ROOT,
                "training: %d examples, %d encoded, %d epochs, kept epoch %d, train errors %d,"
                    + " holdout errors %d/%d%n",
                t.examples(),
                t.encoded(),
                t.epochsRun(),
                t.bestEpoch(),
                t.trainingErrors(),
                t.holdoutErrors(),
                t.holdout()));
      }
      return sb.toString();
    }

    private static void row(StringBuilder sb, String name, EvalMetrics m) {
      sb.append(
          String.format(Locale.ROOT, "  %-26s %.3f / %.3f%n", name, m.accuracy(), m.macroF1()));
    }
  }

  /**
   * K-fold cross-validation within one corpus: never learns from the record it evaluates (nor, with
   * {@code groupByLogDirectory}, from records whose log lies in the same directory).
   */
  public static Result crossValidate(
      Path corpusDir,
      List<Captured> captured,
      KnowledgeBase kb,
      int k,
      boolean groupByLogDirectory,
      long seed,
      double weight,
      Writer predictions,
      Evaluator.Progress progress)
      throws IOException {
    List<CorpusRecord> records = new ArrayList<>();
    captured.forEach(c -> records.add(c.record()));
    int[] fold =
        groupByLogDirectory
            ? folds(records, k, seed, LearningEval::logDirectory)
            : folds(records, k, seed);
    List<Split> splits = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<Captured> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < captured.size(); i++) {
        if (fold[i] == f) {
          test.add(i);
        } else {
          train.add(captured.get(i));
        }
      }
      splits.add(new Split(train, test));
    }
    return run(corpusDir, captured, splits, kb, weight, seed, predictions, progress);
  }

  /** Learns from other corpora's captured records and evaluates all of {@code captured}. */
  public static Result learnFrom(
      Path corpusDir,
      List<Captured> captured,
      List<Captured> learnSet,
      KnowledgeBase kb,
      double weight,
      long seed,
      Writer predictions,
      Evaluator.Progress progress)
      throws IOException {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < captured.size(); i++) {
      all.add(i);
    }
    return run(
        corpusDir,
        captured,
        List.of(new Split(learnSet, all)),
        kb,
        weight,
        seed,
        predictions,
        progress);
  }

  private static Result run(
      Path corpusDir,
      List<Captured> captured,
      List<Split> splits,
      KnowledgeBase kb,
      double weight,
      long seed,
      Writer predictions,
      Evaluator.Progress progress)
      throws IOException {
    EvalMetrics combined = new EvalMetrics();
    EvalMetrics rules = new EvalMetrics();
    EvalMetrics protoOnly = new EvalMetrics();
    EvalMetrics lrOnly = new EvalMetrics();
    EvalMetrics rulesLr = new EvalMetrics();
    List<TrainingSummary> summaries = new ArrayList<>();
    List<HdcPrototypes> models = new ArrayList<>();
    Diagnosis[] predicted = new Diagnosis[captured.size()];
    int done = 0;
    for (Split s : splits) {
      List<LabelledFailure> train = labelled(s.train());
      HdcPrototypes model = HdcPrototypes.create();
      summaries.add(model.train(train, TrainingOptions.DEFAULT));
      models.add(model);
      TfIdfLogisticBaseline lr = new TfIdfLogisticBaseline();
      lr.train(train, seed);
      Diagnoser diagnoser = Diagnoser.builder().knowledge(kb).prototypes(model, weight).build();
      for (int i : s.test()) {
        Captured c = captured.get(i);
        CorpusRecord r = c.record();
        long start = System.nanoTime();
        DiagnosisReport report = Evaluator.diagnose(corpusDir, r, diagnoser);
        long nanos = System.nanoTime() - start;
        predicted[i] = report.diagnosis();
        combined.add(r, report.diagnosis(), report.read().bytes() + report.passBytes(), nanos);
        rules.add(r, c.rulesOnly().diagnosis(), 0, 1);
        Optional<Category> proto =
            model.encode(c.templates()).flatMap(model::classify).or(() -> Optional.empty());
        protoOnly.add(r, stub(proto.orElse(Category.UNKNOWN)), 0, 1);
        Map<Category, Double> p = lr.predict(c.templates());
        lrOnly.add(r, stub(c.templates().isEmpty() ? Category.UNKNOWN : argmax(p)), 0, 1);
        rulesLr.add(
            r,
            stub(combine(c.rulesOnly().scores(), c.templates().isEmpty() ? Map.of() : p, weight)),
            0,
            1);
        progress.update(++done, captured.size());
      }
    }
    for (int i = 0; i < captured.size(); i++) {
      if (predicted[i] != null) {
        predictions.write(Evaluator.predictionLine(captured.get(i).record().id(), predicted[i]));
        predictions.write('\n');
      }
    }
    return new Result(combined, rules, protoOnly, lrOnly, rulesLr, summaries, models);
  }

  private static Diagnosis stub(Category c) {
    return new Diagnosis(c, false, 0.5, List.of(), c.wireName() + "/-", false, "");
  }

  private static Category argmax(Map<Category, Double> p) {
    Category best = Category.UNKNOWN;
    double top = Double.NEGATIVE_INFINITY;
    for (Map.Entry<Category, Double> e : p.entrySet()) {
      if (e.getValue() > top) {
        top = e.getValue();
        best = e.getKey();
      }
    }
    return best;
  }

  /**
   * Adds the 3 strongest positive learned votes ({@code weight x score}) to the rule scores and
   * returns the winner, {@code unknown} below 1.0 (the diagnoser's own vote rule).
   */
  static Category combine(Map<Category, Double> ruleScores, Map<Category, Double> votes, double w) {
    Map<Category, Double> scores = new EnumMap<>(Category.class);
    scores.putAll(ruleScores);
    votes.entrySet().stream()
        .sorted(Map.Entry.<Category, Double>comparingByValue().reversed())
        .limit(3)
        .filter(e -> e.getValue() > 0)
        .forEach(e -> scores.merge(e.getKey(), w * e.getValue(), Double::sum));
    Category best = argmax(scores);
    return scores.getOrDefault(best, 0.0) < 1.0 ? Category.UNKNOWN : best;
  }

  /** Prints a one-line training summary. */
  static void printSummary(PrintStream err, TrainingSummary t) {
    err.println("trained: " + t);
  }
}
