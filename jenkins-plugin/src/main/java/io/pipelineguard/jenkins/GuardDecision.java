package io.pipelineguard.jenkins;

import java.time.Duration;
import java.util.Objects;

/**
 * What to do about one diagnosed failure of a guarded block.
 *
 * @param action the repair to perform
 * @param backoff how long to wait before a retry; zero for other actions
 * @param reason one sentence a person reads, saying why
 * @param clean for a retry: clear the block's {@code cleanPaths} in the workspace first (the
 *     planner chose a clean retry); false for other actions
 */
public record GuardDecision(Action action, Duration backoff, String reason, boolean clean) {

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
    if (clean && action != Action.RETRY) {
      throw new IllegalArgumentException("only a retry can be clean, was " + action);
    }
  }

  /** A decision that is not a clean retry. */
  public GuardDecision(Action action, Duration backoff, String reason) {
    this(action, backoff, reason, false);
  }

  /** Returns a decision to retry after {@code backoff}. */
  public static GuardDecision retry(Duration backoff, String reason) {
    return new GuardDecision(Action.RETRY, backoff, reason);
  }

  /**
   * Returns a decision to clear the block's {@code cleanPaths}, then retry after {@code backoff}.
   */
  public static GuardDecision cleanRetry(Duration backoff, String reason) {
    return new GuardDecision(Action.RETRY, backoff, reason, true);
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
