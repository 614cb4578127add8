package io.pipelineguard.monitor;

import java.util.Objects;

/**
 * How pipelines are judged: health thresholds, how many recent runs are looked at, and how
 * sensitive the duration anomaly detector and the failure-rate monitor are. Immutable; build with
 * {@link #builder()} (every setter validates at once). The defaults are those of the {@code
 * monitoring:} section of the shared default configuration.
 */
public final class MonitorSettings {
  private static final MonitorSettings DEFAULTS = builder().build();

  private final HealthThresholds thresholds;
  private final int windowRuns;
  private final int minRuns;
  private final int anomalyMinSamples;
  private final double anomalyThreshold;
  private final double anomalyExtremeThreshold;
  private final int anomalySustainedRuns;
  private final int failureRateWindowRuns;
  private final int failureRateMinRuns;
  private final double failureRateMargin;
  private final int repeatedFailures;

  private MonitorSettings(Builder b) {
    this.thresholds = b.thresholds;
    this.windowRuns = b.windowRuns;
    this.minRuns = b.minRuns;
    this.anomalyMinSamples = b.anomalyMinSamples;
    this.anomalyThreshold = b.anomalyThreshold;
    this.anomalyExtremeThreshold = b.anomalyExtremeThreshold;
    this.anomalySustainedRuns = b.anomalySustainedRuns;
    this.failureRateWindowRuns = b.failureRateWindowRuns;
    this.failureRateMinRuns = b.failureRateMinRuns;
    this.failureRateMargin = b.failureRateMargin;
    this.repeatedFailures = b.repeatedFailures;
  }

  /** Returns the default settings. */
  public static MonitorSettings defaults() {
    return DEFAULTS;
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Health thresholds (default warning 0.7, critical 0.5). */
  public HealthThresholds thresholds() {
    return thresholds;
  }

  /** Most recent runs the health score and trend look at (default 20). */
  public int windowRuns() {
    return windowRuns;
  }

  /** Fewest runs with which a health score is given; fewer is unknown (default 3). */
  public int minRuns() {
    return minRuns;
  }

  /** Fewest earlier runs the anomaly detector needs as a baseline (default 8). */
  public int anomalyMinSamples() {
    return anomalyMinSamples;
  }

  /** Robust z-score above which a run is slow (default 3.5). */
  public double anomalyThreshold() {
    return anomalyThreshold;
  }

  /** Robust z-score above which one run alone is an anomaly (default 10). */
  public double anomalyExtremeThreshold() {
    return anomalyExtremeThreshold;
  }

  /** Consecutive slow runs that make a sustained anomaly (default 3). */
  public int anomalySustainedRuns() {
    return anomalySustainedRuns;
  }

  /** Recent runs the failure-rate monitor looks at (default 10). */
  public int failureRateWindowRuns() {
    return failureRateWindowRuns;
  }

  /** Fewest runs with which the failure rate is judged (default 5). */
  public int failureRateMinRuns() {
    return failureRateMinRuns;
  }

  /** Failure rate tolerated above {@code 1 - expected success rate} (default 0.1). */
  public double failureRateMargin() {
    return failureRateMargin;
  }

  /** Consecutive failures that raise a repeated-failure alert (default 3). */
  public int repeatedFailures() {
    return repeatedFailures;
  }

  @Override
  public String toString() {
    return "MonitorSettings[thresholds="
        + thresholds
        + ", windowRuns="
        + windowRuns
        + ", minRuns="
        + minRuns
        + ", anomaly="
        + anomalyMinSamples
        + "/"
        + anomalyThreshold
        + "/"
        + anomalyExtremeThreshold
        + "/"
        + anomalySustainedRuns
        + ", failureRate="
        + failureRateWindowRuns
        + "/"
        + failureRateMinRuns
        + "/"
        + failureRateMargin
        + ", repeatedFailures="
        + repeatedFailures
        + "]";
  }

  /** Builds {@link MonitorSettings}. */
  public static final class Builder {
    private HealthThresholds thresholds = HealthThresholds.DEFAULT;
    private int windowRuns = 20;
    private int minRuns = 3;
    private int anomalyMinSamples = 8;
    private double anomalyThreshold = 3.5;
    private double anomalyExtremeThreshold = 10;
    private int anomalySustainedRuns = 3;
    private int failureRateWindowRuns = 10;
    private int failureRateMinRuns = 5;
    private double failureRateMargin = 0.1;
    private int repeatedFailures = 3;

    private Builder() {}

    /** Sets the health thresholds. */
    public Builder thresholds(HealthThresholds thresholds) {
      this.thresholds = Objects.requireNonNull(thresholds, "thresholds must not be null");
      return this;
    }

    /** Sets the health window, 2 to 1000 runs. */
    public Builder windowRuns(int runs) {
      this.windowRuns = range("monitoring.window_runs", runs, 2, 1000);
      return this;
    }

    /** Sets the fewest runs for a health score, 1 to 1000. */
    public Builder minRuns(int runs) {
      this.minRuns = range("monitoring.min_runs", runs, 1, 1000);
      return this;
    }

    /** Sets the anomaly baseline size, 3 to 1000. */
    public Builder anomalyMinSamples(int samples) {
      this.anomalyMinSamples = range("monitoring.anomaly.min_samples", samples, 3, 1000);
      return this;
    }

    /** Sets the slow-run z-score, 1 to 100. */
    public Builder anomalyThreshold(double z) {
      this.anomalyThreshold = range("monitoring.anomaly.threshold", z, 1, 100);
      return this;
    }

    /** Sets the single-run z-score, 1 to 1000. */
    public Builder anomalyExtremeThreshold(double z) {
      this.anomalyExtremeThreshold = range("monitoring.anomaly.extreme_threshold", z, 1, 1000);
      return this;
    }

    /** Sets the consecutive slow runs of a sustained anomaly, 1 to 100. */
    public Builder anomalySustainedRuns(int runs) {
      this.anomalySustainedRuns = range("monitoring.anomaly.sustained_runs", runs, 1, 100);
      return this;
    }

    /** Sets the failure-rate window, 1 to 1000 runs. */
    public Builder failureRateWindowRuns(int runs) {
      this.failureRateWindowRuns = range("monitoring.failure_rate.window_runs", runs, 1, 1000);
      return this;
    }

    /** Sets the fewest runs for a failure-rate judgement, 1 to 1000. */
    public Builder failureRateMinRuns(int runs) {
      this.failureRateMinRuns = range("monitoring.failure_rate.min_runs", runs, 1, 1000);
      return this;
    }

    /** Sets the tolerated failure-rate margin, 0 to 1. */
    public Builder failureRateMargin(double margin) {
      this.failureRateMargin = range("monitoring.failure_rate.margin", margin, 0, 1);
      return this;
    }

    /** Sets the consecutive failures of a repeated-failure alert, 1 to 100. */
    public Builder repeatedFailures(int failures) {
      this.repeatedFailures = range("monitoring.repeated_failures", failures, 1, 100);
      return this;
    }

    /** Returns the settings; the anomaly extreme threshold must not be below the plain one. */
    public MonitorSettings build() {
      if (anomalyExtremeThreshold < anomalyThreshold) {
        throw new IllegalArgumentException(
            "monitoring.anomaly.extreme_threshold ("
                + anomalyExtremeThreshold
                + ") must not be below monitoring.anomaly.threshold ("
                + anomalyThreshold
                + ")");
      }
      if (failureRateMinRuns > failureRateWindowRuns) {
        throw new IllegalArgumentException(
            "monitoring.failure_rate.min_runs must not exceed monitoring.failure_rate.window_runs");
      }
      return new MonitorSettings(this);
    }

    private static int range(String key, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            key + " must be from " + min + " to " + max + ", was " + value);
      }
      return value;
    }

    private static double range(String key, double value, double min, double max) {
      if (!(value >= min && value <= max)) {
        throw new IllegalArgumentException(
            key + " must be from " + min + " to " + max + ", was " + value);
      }
      return value;
    }
  }
}
