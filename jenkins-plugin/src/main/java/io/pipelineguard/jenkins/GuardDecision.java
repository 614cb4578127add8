package io.pipelineguard.jenkins;

import java.time.Duration;
import java.util.Objects;

/**
 * What to do about one diagnosed failure of a guarded block.
 *
 * @param action the repair to perform
 * @param backoff how long to wait before a retry; zero for other actions
 * @param reason one sentence a person reads, saying why
 */
public record GuardDecision(Action action, Duration backoff, String reason) {

  /** The repairs the guard step can perform. */
  public enum Action {
    /** Run the block again after {@code backoff}. */
    RETRY,
    /** Start the configured rollback, then fail the step. */
    ROLLBACK,
    /** Fail the step with the diagnosis. */
    FAIL
  }

  /** Validates the fields. */
  public GuardDecision {
    Objects.requireNonNull(action, "action must not be null");
    Objects.requireNonNull(backoff, "backoff must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("backoff must be >= 0, was " + backoff);
    }
  }

  /** Returns a decision to retry after {@code backoff}. */
  public static GuardDecision retry(Duration backoff, String reason) {
    return new GuardDecision(Action.RETRY, backoff, reason);
  }

  /** Returns a decision to roll back. */
  public static GuardDecision rollback(String reason) {
    return new GuardDecision(Action.ROLLBACK, Duration.ZERO, reason);
  }

  /** Returns a decision to fail. */
  public static GuardDecision fail(String reason) {
    return new GuardDecision(Action.FAIL, Duration.ZERO, reason);
  }
}
