package io.pipelineguard.monitor;

import java.util.OptionalDouble;

/**
 * What a pipeline's owner expects of it: a typical duration (optional; without it the pipeline's
 * own median is the baseline), a success rate, and whether it is critical (its alerts are raised as
 * critical). Immutable; build with {@link #builder()}, or take {@link #defaults()} for a pipeline
 * nobody registered.
 */
public final class PipelineExpectations {
  /** Success rate expected of a pipeline nobody registered. */
  public static final double DEFAULT_SUCCESS_RATE = 0.9;

  /** Longest expected duration accepted: a week, in seconds. */
  public static final double MAX_DURATION_SECONDS = 86_400.0 * 7;

  private static final PipelineExpectations DEFAULTS = builder().build();

  private final Double expectedDurationSeconds;
  private final double expectedSuccessRate;
  private final boolean critical;

  private PipelineExpectations(Builder builder) {
    this.expectedDurationSeconds = builder.expectedDurationSeconds;
    this.expectedSuccessRate = builder.expectedSuccessRate;
    this.critical = builder.critical;
  }

  /** Returns the expectations of an unregistered pipeline: success rate 0.9, own baseline. */
  public static PipelineExpectations defaults() {
    return DEFAULTS;
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the expected duration in seconds, empty when the pipeline's own median is used. */
  public OptionalDouble expectedDurationSeconds() {
    return expectedDurationSeconds == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(expectedDurationSeconds);
  }

  /** Returns the expected success rate in [0, 1]. */
  public double expectedSuccessRate() {
    return expectedSuccessRate;
  }

  /** Returns whether the pipeline is critical. */
  public boolean critical() {
    return critical;
  }

  @Override
  public String toString() {
    return "PipelineExpectations[duration="
        + expectedDurationSeconds
        + ", successRate="
        + expectedSuccessRate
        + ", critical="
        + critical
        + "]";
  }

  /** Builds {@link PipelineExpectations}; each setter validates its argument at once. */
  public static final class Builder {
    private Double expectedDurationSeconds;
    private double expectedSuccessRate = DEFAULT_SUCCESS_RATE;
    private boolean critical;

    private Builder() {}

    /**
     * Sets the expected duration in seconds, 1 to {@value #MAX_DURATION_SECONDS}; null for none.
     */
    public Builder expectedDurationSeconds(Double seconds) {
      if (seconds != null && !(seconds >= 1 && seconds <= MAX_DURATION_SECONDS)) {
        throw new IllegalArgumentException(
            "expected duration must be from 1 to "
                + (long) MAX_DURATION_SECONDS
                + " seconds, was "
                + seconds);
      }
      this.expectedDurationSeconds = seconds;
      return this;
    }

    /** Sets the expected success rate, 0 to 1. */
    public Builder expectedSuccessRate(double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(
            "expected success rate must be from 0 to 1, was " + rate);
      }
      this.expectedSuccessRate = rate;
      return this;
    }

    /** Sets whether the pipeline is critical. */
    public Builder critical(boolean critical) {
      this.critical = critical;
      return this;
    }

    /** Returns the expectations. */
    public PipelineExpectations build() {
      return new PipelineExpectations(this);
    }
  }
}
