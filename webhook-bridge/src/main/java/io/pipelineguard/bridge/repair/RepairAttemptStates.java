package io.pipelineguard.bridge.repair;

import io.pipelineguard.repair.IllegalRepairTransitionException;
import io.pipelineguard.repair.RepairAttempt;
import io.pipelineguard.repair.event.AttemptState;

/** Checks stored repair moves against the engine's {@link RepairAttempt} state machine. */
final class RepairAttemptStates {
  private RepairAttemptStates() {}

  /** Throws when {@code from} to {@code to} is not a legal transition. */
  static void check(AttemptState from, AttemptState to) {
    if (RepairAttempt.Transition.between(from, to).isEmpty()) {
      throw new IllegalRepairTransitionException("stored repair", from, to);
    }
  }
}
