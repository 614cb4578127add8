package io.pipelineguard.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Maps raw category scores to a calibrated confidence with a logistic model over two features: the
 * strength of the winning score, {@code ln(1 + top)}, and its margin over the runner-up, {@code
 * (top - second) / (1 + top)}. The coefficients are fitted on labelled logs (Platt scaling, see
 * {@link #platt}) so that a confidence of 0.8 means about 80% of such diagnoses are right; the
 * shipped ones live in the resource {@value #RESOURCE}.
 *
 * @param bias intercept
 * @param strength coefficient of {@code ln(1 + top)}
 * @param margin coefficient of the relative margin
 */
public record Calibration(double bias, double strength, double margin) {
  /** Classpath location of the fitted coefficients. */
  public static final String RESOURCE = "/io/pipelineguard/shared/knowledge/calibration.properties";

  /** Coefficients fitted on the development corpora (loaded from {@value #RESOURCE}). */
  public static final Calibration DEFAULT = load();

  /** Validates the coefficients. */
  public Calibration {
    if (!Double.isFinite(bias) || !Double.isFinite(strength) || !Double.isFinite(margin)) {
      throw new IllegalArgumentException("calibration coefficients must be finite");
    }
  }

  /** Returns the calibrated confidence in (0, 1) for the given top and runner-up scores. */
  public double confidence(double top, double second) {
    return 1.0 / (1.0 + Math.exp(-logit(top, second)));
  }

  /**
   * Returns the logit of {@link #confidence}: {@code bias + strength * ln(1 + top) + margin * (top
   * - second) / (1 + top)}, the value Platt scaling rescales.
   */
  public double logit(double top, double second) {
    return bias + strength * Math.log1p(Math.max(0, top)) + margin * (top - second) / (1.0 + top);
  }

  /**
   * Returns this calibration composed with a Platt rescaling {@code sigmoid(a * z + b)} of its
   * logit {@code z}.
   */
  public Calibration rescaled(double a, double b) {
    return new Calibration(a * bias + b, a * strength, a * margin);
  }

  /**
   * Fits Platt scaling: the slope {@code a} and intercept {@code b} minimising the log loss of
   * {@code sigmoid(a * logit + b)} against {@code correct}, by plain gradient descent (fixed step
   * count, deterministic). Cost: O(steps x n).
   *
   * @return {@code {a, b}}
   */
  public static double[] platt(double[] logits, boolean[] correct, int steps) {
    if (logits.length != correct.length || logits.length == 0) {
      throw new IllegalArgumentException("need as many outcomes as logits, at least one");
    }
    double a = 1.0;
    double b = 0.0;
    int n = logits.length;
    for (int s = 0; s < steps; s++) {
      double ga = 0;
      double gb = 0;
      for (int i = 0; i < n; i++) {
        double p = 1.0 / (1.0 + Math.exp(-(a * logits[i] + b)));
        double err = p - (correct[i] ? 1 : 0);
        ga += err * logits[i];
        gb += err;
      }
      a -= 0.5 * ga / n;
      b -= 0.5 * gb / n;
    }
    return new double[] {a, b};
  }

  /** Returns the mean squared error of confidences against outcomes (the Brier score). */
  public static double brier(double[] confidences, boolean[] correct) {
    double sum = 0;
    for (int i = 0; i < confidences.length; i++) {
      double d = confidences[i] - (correct[i] ? 1 : 0);
      sum += d * d;
    }
    return confidences.length == 0 ? 0 : sum / confidences.length;
  }

  private static Calibration load() {
    try (InputStream in = Calibration.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("calibration missing from classpath: " + RESOURCE);
      }
      Properties p = new Properties();
      p.load(in);
      return new Calibration(
          Double.parseDouble(p.getProperty("bias")),
          Double.parseDouble(p.getProperty("strength")),
          Double.parseDouble(p.getProperty("margin")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
