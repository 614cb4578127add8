package io.pipelineguard.repair.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Outcomes of one strategy for one pattern or category: raw counts (for explanations) and
 * time-decayed weights (for decisions). Immutable.
 *
 * <p>Weights halve every half-life: an outcome observed one half-life ago counts 0.5, two
 * half-lives ago 0.25. Decay is applied lazily when a new outcome arrives or an estimate is asked
 * for, so storing a statistic costs two longs, two doubles and an instant.
 *
 * @param successes all successes ever observed
 * @param failures all failures ever observed
 * @param weightedSuccesses decayed successes as of {@code updatedAt}
 * @param weightedFailures decayed failures as of {@code updatedAt}
 * @param updatedAt when the weights were last brought up to date
 */
public record StrategyStats(
    long successes,
    long failures,
    double weightedSuccesses,
    double weightedFailures,
    Instant updatedAt) {

  /** Validates the fields. */
  public StrategyStats {
    Objects.requireNonNull(updatedAt, "updatedAt must not be null");
    if (successes < 0 || failures < 0) {
      throw new IllegalArgumentException(
          "successes and failures must be >= 0, were " + successes + " and " + failures);
    }
    if (!(weightedSuccesses >= 0.0 && weightedSuccesses <= successes)
        || !(weightedFailures >= 0.0 && weightedFailures <= failures)) {
      throw new IllegalArgumentException(
          "weighted counts must lie between 0 and the raw counts, were "
              + weightedSuccesses
              + " and "
              + weightedFailures);
    }
  }

  /** Returns an empty statistic as of {@code at}. */
  public static StrategyStats empty(Instant at) {
    return new StrategyStats(0, 0, 0.0, 0.0, at);
  }

  /** Returns the number of outcomes ever observed. */
  public long trials() {
    return successes + failures;
  }

  /** Returns this statistic with its weights decayed to {@code now} (unchanged if earlier). */
  public StrategyStats decayedTo(Instant now, Duration halfLife) {
    if (!now.isAfter(updatedAt)) {
      return this;
    }
    double halfLives = Duration.between(updatedAt, now).toMillis() / (double) halfLife.toMillis();
    double factor = Math.pow(0.5, halfLives);
    return new StrategyStats(
        successes, failures, weightedSuccesses * factor, weightedFailures * factor, now);
  }

  /** Returns this statistic plus one outcome observed at {@code at}. */
  public StrategyStats plus(boolean succeeded, Instant at, Duration halfLife) {
    StrategyStats now = decayedTo(at, halfLife);
    return succeeded
        ? new StrategyStats(
            now.successes + 1,
            now.failures,
            now.weightedSuccesses + 1.0,
            now.weightedFailures,
            now.updatedAt)
        : new StrategyStats(
            now.successes,
            now.failures + 1,
            now.weightedSuccesses,
            now.weightedFailures + 1.0,
            now.updatedAt);
  }
}
