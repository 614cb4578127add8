package io.pipelineguard.monitor;

/**
 * Where a health score turns from healthy to warning and from warning to critical. A score {@code
 * >= warning} is healthy, {@code >= critical} is a warning, below is critical.
 *
 * @param warning warning threshold in (0, 1]
 * @param critical critical threshold in [0, warning)
 */
public record HealthThresholds(double warning, double critical) {
  /** The defaults: warning below 0.7, critical below 0.5. */
  public static final HealthThresholds DEFAULT = new HealthThresholds(0.7, 0.5);

  /** Validates {@code 0 <= critical < warning <= 1}. */
  public HealthThresholds {
    if (!(warning > 0 && warning <= 1)) {
      throw new IllegalArgumentException("warning threshold must be in (0, 1], was " + warning);
    }
    if (!(critical >= 0 && critical < warning)) {
      throw new IllegalArgumentException(
          "critical threshold must be >= 0 and below the warning threshold ("
              + warning
              + "), was "
              + critical);
    }
  }

  /** Classifies a score (never {@link HealthStatus#UNKNOWN}). */
  public HealthStatus classify(double score) {
    if (score >= warning) {
      return HealthStatus.HEALTHY;
    }
    return score >= critical ? HealthStatus.WARNING : HealthStatus.CRITICAL;
  }
}
