package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.Calibration;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnoser;
import io.pipelineguard.diagnosis.DiagnosisReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Development entry point that refits the confidence calibration (the resource {@code
 * knowledge/calibration.properties}) by Platt scaling: {@code CalibrationFitMain CORPUS_DIR...
 * [--steps N]} diagnoses every labelled record of the given corpora with the built-in knowledge and
 * the current calibration, fits {@code sigmoid(a * logit + b)} of "predicted category is right" on
 * the current logit over the predictions that are not {@code unknown} (pooled over all corpora;
 * {@link Calibration#platt}, default 3000 steps), and prints the Brier score of every corpus before
 * and after (over all labelled records, as {@code EvalMain} counts it) and the refitted
 * coefficients in the resource's format. Fitted on development data, the figures are optimistic.
 * Cost: one diagnosis per record plus O(steps x records).
 */
public final class CalibrationFitMain {
  private static final int DEFAULT_STEPS = 3000;

  private CalibrationFitMain() {}

  /**
   * One labelled prediction: its corpus, whether it was unknown, the runner-up scores and whether
   * the category was right.
   *
   * @param corpus index of the corpus among the arguments
   * @param unknown whether the diagnoser answered unknown
   * @param top the winning category's score
   * @param second the runner-up's score
   * @param correct whether the predicted category equals the label
   */
  public record Sample(int corpus, boolean unknown, double top, double second, boolean correct) {}

  /**
   * The result of a fit.
   *
   * @param a Platt slope
   * @param b Platt intercept
   * @param refitted the current calibration rescaled by {@code a, b}
   */
  public record Fit(double a, double b, Calibration refitted) {}

  /** Runs the fit; exit code 0 on success, 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<Path> corpora = new ArrayList<>();
    int steps = DEFAULT_STEPS;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--steps") && i + 1 < args.length) {
        try {
          steps = Integer.parseInt(args[++i]);
        } catch (NumberFormatException e) {
          err.println("--steps must be a number: " + args[i]);
          return 2;
        }
      } else {
        corpora.add(Path.of(args[i]));
      }
    }
    if (corpora.isEmpty() || steps < 1 || steps > 1_000_000) {
      err.println("usage: CalibrationFitMain CORPUS_DIR... [--steps N (1..1000000)]");
      return 2;
    }
    try {
      Diagnoser diagnoser = Diagnoser.builder().build();
      List<Sample> samples = new ArrayList<>();
      for (int k = 0; k < corpora.size(); k++) {
        for (CorpusRecord r : Evaluator.readRecords(corpora.get(k))) {
          if (r.category().isEmpty()) {
            continue;
          }
          DiagnosisReport report = Evaluator.diagnose(corpora.get(k), r, diagnoser);
          samples.add(sample(k, report, r.category().get()));
        }
      }
      Calibration current = Calibration.DEFAULT;
      Fit fit = fit(samples, current, steps);
      out.println(
          String.format(
              Locale.ROOT,
              "Platt fit over %d predictions: a = %.3f, b = %+.3f",
              count(samples),
              fit.a,
              fit.b));
      for (int k = -1; k < corpora.size(); k++) {
        String name = k < 0 ? "pooled" : corpora.get(k).toString();
        out.println(
            String.format(
                Locale.ROOT,
                "Brier %s: %.4f -> %.4f",
                name,
                brier(samples, k, current),
                brier(samples, k, fit.refitted)));
      }
      Calibration c = fit.refitted;
      out.println(
          String.format(
              Locale.ROOT,
              "bias = %.3f%nstrength = %.3f%nmargin = %.3f",
              c.bias(),
              c.strength(),
              c.margin()));
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("calibration fit failed: " + e.getMessage());
      return 1;
    }
  }

  /** Turns a diagnosis into a sample: its two best scores and whether its category is right. */
  static Sample sample(int corpus, DiagnosisReport report, Category gold) {
    double top = 0;
    double second = 0;
    for (Map.Entry<Category, Double> e : report.scores().entrySet()) {
      double s = e.getValue();
      if (s > top) {
        second = top;
        top = s;
      } else if (s > second) {
        second = s;
      }
    }
    Category predicted = report.diagnosis().category();
    return new Sample(corpus, predicted == Category.UNKNOWN, top, second, predicted == gold);
  }

  /**
   * Fits Platt scaling of {@code current}'s logit over the samples that are not unknown. Cost:
   * O(steps x samples).
   *
   * @throws IllegalArgumentException when no sample is usable
   */
  public static Fit fit(List<Sample> samples, Calibration current, int steps) {
    int n = count(samples);
    double[] logits = new double[n];
    boolean[] correct = new boolean[n];
    int i = 0;
    for (Sample s : samples) {
      if (!s.unknown()) {
        logits[i] = current.logit(s.top(), s.second());
        correct[i++] = s.correct();
      }
    }
    double[] ab = Calibration.platt(logits, correct, steps);
    return new Fit(ab[0], ab[1], current.rescaled(ab[0], ab[1]));
  }

  /**
   * Returns the Brier score of {@code calibration} over the samples of one corpus ({@code corpus <
   * 0}: all), with the confidence the diagnoser would give: unknown answers get at most 0.5.
   */
  public static double brier(List<Sample> samples, int corpus, Calibration calibration) {
    List<Double> confidences = new ArrayList<>();
    List<Boolean> outcomes = new ArrayList<>();
    for (Sample s : samples) {
      if (corpus >= 0 && s.corpus() != corpus) {
        continue;
      }
      confidences.add(
          s.unknown()
              ? Math.min(0.5, calibration.confidence(0, 0))
              : calibration.confidence(s.top(), s.second()));
      outcomes.add(s.correct());
    }
    double[] c = new double[confidences.size()];
    boolean[] o = new boolean[outcomes.size()];
    for (int k = 0; k < c.length; k++) {
      c[k] = Math.round(confidences.get(k) * 1000) / 1000.0; // as the diagnosis reports it
      o[k] = outcomes.get(k);
    }
    return Calibration.brier(c, o);
  }

  private static int count(List<Sample> samples) {
    int n = 0;
    for (Sample s : samples) {
      n += s.unknown() ? 0 : 1;
    }
    return n;
  }
}
