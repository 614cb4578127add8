package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Diagnosis;
import java.time.Duration;

/**
 * The guard step's hard limits, applied to whatever the engine proposes: a proposal can only be
 * downgraded (to a plain failure), never upgraded. Pure function, no state.
 */
final class GuardCaps {
  /** Longest wait before a retry, whatever the engine proposes. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

  private GuardCaps() {}

  /**
   * Returns the decision the step will act on.
   *
   * @param settings the block's options
   * @param attempt the attempt that just failed, 1-based
   * @param rollbackUsed whether this guard already started its rollback
   * @param diagnosis the failure's diagnosis
   * @param proposed the engine's proposal
   */
  static GuardDecision apply(
      GuardSettings settings,
      int attempt,
      boolean rollbackUsed,
      Diagnosis diagnosis,
      GuardDecision proposed) {
    switch (proposed.action()) {
      case RETRY:
        if (settings.neverRetry().contains(diagnosis.category())) {
          return GuardDecision.fail(
              diagnosis.category().wireName() + " is configured never to be retried");
        }
        if (attempt >= settings.maxAttempts()) {
          return GuardDecision.fail(
              "no attempts left (" + attempt + " of " + settings.maxAttempts() + " used)");
        }
        Duration backoff =
            proposed.backoff().compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : proposed.backoff();
        return new GuardDecision(
            GuardDecision.Action.RETRY, backoff, proposed.reason(), proposed.clean());
      case ROLLBACK:
        if (settings.rollbackJob().isEmpty()) {
          return GuardDecision.fail(proposed.reason() + "; no rollback is configured");
        }
        if (rollbackUsed) {
          return GuardDecision.fail("the rollback was already started once");
        }
        return proposed;
      case FAIL:
      default:
        return proposed;
    }
  }
}
