package io.pipelineguard.repair;

import java.time.Duration;

/**
 * How long to wait before the n-th automatic retry of a job. Implementations must be pure and
 * cheap: the planner calls them while building a plan.
 */
@FunctionalInterface
public interface Backoff {

  /**
   * Returns the delay before a retry.
   *
   * @param retryNumber 1 for the first retry, 2 for the second, ...
   * @return the delay, never negative
   */
  Duration delayBefore(int retryNumber);

  /** Returns a backoff that never waits. */
  static Backoff none() {
    return retryNumber -> {
      BackoffChecks.checkRetryNumber(retryNumber);
      return Duration.ZERO;
    };
  }

  /**
   * Returns a backoff that always waits {@code delay}.
   *
   * @param delay the delay, zero or positive, at most one day
   */
  static Backoff fixed(Duration delay) {
    BackoffChecks.checkDelay("delay", delay);
    return retryNumber -> {
      BackoffChecks.checkRetryNumber(retryNumber);
      return delay;
    };
  }

  /**
   * Returns a backoff that waits {@code initial}, then multiplies the delay by {@code multiplier}
   * for each further retry, never waiting longer than {@code max}.
   *
   * @param initial delay before the first retry, positive
   * @param multiplier growth factor, from 1.0 to 10.0
   * @param max the longest delay, at least {@code initial}
   */
  static Backoff exponential(Duration initial, double multiplier, Duration max) {
    BackoffChecks.checkDelay("initial", initial);
    BackoffChecks.checkDelay("max", max);
    BackoffChecks.checkMultiplier(multiplier);
    if (initial.isZero()) {
      throw new IllegalArgumentException("initial must be positive, was 0");
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "max must be >= initial, was max=" + max + " initial=" + initial);
    }
    return retryNumber -> {
      BackoffChecks.checkRetryNumber(retryNumber);
      // Computed in double seconds and capped before converting back, so large retry numbers
      // cannot overflow Duration.
      double seconds = initial.toMillis() / 1000.0 * Math.pow(multiplier, retryNumber - 1);
      double capped = Math.min(seconds, max.toMillis() / 1000.0);
      return Duration.ofMillis(Math.round(capped * 1000.0));
    };
  }
}

/** Argument checks shared by the {@link Backoff} factories. */
final class BackoffChecks {
  /** The longest delay any backoff may produce: one day. */
  static final Duration MAX_DELAY = Duration.ofDays(1);

  private BackoffChecks() {}

  static void checkDelay(String name, Duration delay) {
    if (delay == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + delay);
    }
    if (delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException(name + " must be at most 1 day, was " + delay);
    }
  }

  static void checkMultiplier(double multiplier) {
    if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
      throw new IllegalArgumentException(
          "multiplier must be between 1.0 and 10.0, was " + multiplier);
    }
  }

  static void checkRetryNumber(int retryNumber) {
    if (retryNumber < 1) {
      throw new IllegalArgumentException("retryNumber must be >= 1, was " + retryNumber);
    }
  }
}
