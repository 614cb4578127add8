package io.pipelineguard.repair.event;

import io.pipelineguard.repair.RepairStrategy;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a repair attempt. Immutable; built only when a consumer listens.
 *
 * @param type what happened
 * @param attemptId the attempt's identifier
 * @param strategy the attempt's strategy
 * @param from the state before, for a transition
 * @param to the state after, for a transition
 * @param at when it happened, from the injected clock
 * @param detail a sentence for people: the reason or the cause
 */
public record RepairEvent(
    Type type,
    String attemptId,
    RepairStrategy strategy,
    AttemptState from,
    AttemptState to,
    Instant at,
    String detail) {

  /** The kinds of repair events. */
  public enum Type {
    /** The attempt began running. */
    STARTED,
    /** The repaired job (or rollback) passed. */
    SUCCEEDED,
    /** The repaired job (or rollback) failed. */
    FAILED,
    /** The attempt was cancelled before it finished. */
    ABORTED,
    /** The attempt did not finish in time. */
    TIMED_OUT;

    /** Returns the event type announcing a transition into {@code state}. */
    public static Type enteringState(AttemptState state) {
      return switch (state) {
        case RUNNING -> STARTED;
        case SUCCEEDED -> SUCCEEDED;
        case FAILED -> FAILED;
        case ABORTED -> ABORTED;
        case TIMED_OUT -> TIMED_OUT;
        case PLANNED -> throw new IllegalArgumentException("no transition enters PLANNED");
      };
    }
  }

  /** Validates the fields. */
  public RepairEvent {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(attemptId, "attemptId must not be null");
    Objects.requireNonNull(strategy, "strategy must not be null");
    Objects.requireNonNull(from, "from must not be null");
    Objects.requireNonNull(to, "to must not be null");
    Objects.requireNonNull(at, "at must not be null");
    Objects.requireNonNull(detail, "detail must not be null");
  }
}
