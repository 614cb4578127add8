package io.pipelineguard.diagnosis;

/**
 * Maps raw category scores to a calibrated confidence with a logistic model over two features: the
 * strength of the winning score, {@code ln(1 + top)}, and its margin over the runner-up, {@code
 * (top - second) / (1 + top)}. The coefficients are fitted on labelled logs (Platt scaling; see
 * docs/diagnosis.md) so that a confidence of 0.8 means about 80% of such diagnoses are right.
 *
 * @param bias intercept
 * @param strength coefficient of {@code ln(1 + top)}
 * @param margin coefficient of the relative margin
 */
public record Calibration(double bias, double strength, double margin) {
  /** Coefficients fitted on the development corpora (see docs/benchmarks.md). */
  public static final Calibration DEFAULT = new Calibration(-1.2, 0.75, 2.0);

  /** Returns the calibrated confidence in (0, 1) for the given top and runner-up scores. */
  public double confidence(double top, double second) {
    double z =
        bias + strength * Math.log1p(Math.max(0, top)) + margin * (top - second) / (1.0 + top);
    return 1.0 / (1.0 + Math.exp(-z));
  }
}
