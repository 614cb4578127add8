package io.pipelineguard.repair;

import io.pipelineguard.repair.event.AttemptState;
import io.pipelineguard.repair.event.RepairEvent;
import io.pipelineguard.repair.event.RepairEventPublisher;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One repair action being carried out: a small state machine, planned → running → succeeded,
 * failed, aborted or timed out (an attempt may also be aborted before it starts). The state lives
 * in an {@link AtomicReference}; each move is one of the {@link Transition} constants, swapped with
 * compare-and-set, and a {@link RepairEvent} is published after the swap (never inside it). Illegal
 * moves throw {@link IllegalRepairTransitionException}. Thread-safe.
 */
public final class RepairAttempt {

  /** Every legal transition. */
  public enum Transition {
    /** The door starts carrying the action out. */
    PLANNED_TO_RUNNING(AttemptState.PLANNED, AttemptState.RUNNING),
    /** Cancelled before it started, for example while waiting out a backoff. */
    PLANNED_TO_ABORTED(AttemptState.PLANNED, AttemptState.ABORTED),
    /** The job or rollback passed. */
    RUNNING_TO_SUCCEEDED(AttemptState.RUNNING, AttemptState.SUCCEEDED),
    /** The job or rollback failed. */
    RUNNING_TO_FAILED(AttemptState.RUNNING, AttemptState.FAILED),
    /** Cancelled while running. */
    RUNNING_TO_ABORTED(AttemptState.RUNNING, AttemptState.ABORTED),
    /** No result in time. */
    RUNNING_TO_TIMED_OUT(AttemptState.RUNNING, AttemptState.TIMED_OUT);

    private final AttemptState from;
    private final AttemptState to;

    Transition(AttemptState from, AttemptState to) {
      this.from = from;
      this.to = to;
    }

    /** Returns the state the transition leaves. */
    public AttemptState from() {
      return from;
    }

    /** Returns the state the transition enters. */
    public AttemptState to() {
      return to;
    }

    /** Returns the transition linking two states, if any. */
    public static Optional<Transition> between(AttemptState from, AttemptState to) {
      for (Transition t : values()) {
        if (t.from == from && t.to == to) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  private final String id;
  private final RepairAction action;
  private final Clock clock;
  private final RepairEventPublisher events;
  private final AtomicReference<AttemptState> state = new AtomicReference<>(AttemptState.PLANNED);

  /**
   * Creates a planned attempt.
   *
   * @param id an identifier unique among live attempts, used in events and messages
   * @param action what the attempt carries out
   * @param clock the time source for event timestamps
   * @param events where transitions are published
   */
  public RepairAttempt(String id, RepairAction action, Clock clock, RepairEventPublisher events) {
    this.id = Objects.requireNonNull(id, "id must not be null");
    this.action = Objects.requireNonNull(action, "action must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.events = Objects.requireNonNull(events, "events must not be null");
  }

  /** Returns the identifier. */
  public String id() {
    return id;
  }

  /** Returns the action carried out. */
  public RepairAction action() {
    return action;
  }

  /** Returns the current state. */
  public AttemptState state() {
    return state.get();
  }

  /** Moves PLANNED → RUNNING. */
  public void start() {
    moveTo(AttemptState.RUNNING, "started: " + action.reason());
  }

  /** Moves RUNNING → SUCCEEDED. */
  public void succeed(String detail) {
    moveTo(AttemptState.SUCCEEDED, detail);
  }

  /** Moves RUNNING → FAILED. */
  public void fail(String detail) {
    moveTo(AttemptState.FAILED, detail);
  }

  /** Moves PLANNED or RUNNING → ABORTED. */
  public void abort(String detail) {
    moveTo(AttemptState.ABORTED, detail);
  }

  /** Moves RUNNING → TIMED_OUT. */
  public void timeOut(String detail) {
    moveTo(AttemptState.TIMED_OUT, detail);
  }

  /**
   * Moves to {@code target} by the one legal transition from the current state.
   *
   * @return the transition taken
   * @throws IllegalRepairTransitionException if no legal transition leads there from the current
   *     state (for example from a terminal state)
   */
  public Transition moveTo(AttemptState target, String detail) {
    Objects.requireNonNull(target, "target must not be null");
    Objects.requireNonNull(detail, "detail must not be null");
    while (true) {
      AttemptState current = state.get();
      Transition transition =
          Transition.between(current, target)
              .orElseThrow(() -> new IllegalRepairTransitionException(id, current, target));
      if (state.compareAndSet(current, target)) {
        events.publish(
            () ->
                new RepairEvent(
                    RepairEvent.Type.enteringState(target),
                    id,
                    action.strategy(),
                    current,
                    target,
                    clock.instant(),
                    detail));
        return transition;
      }
    }
  }
}
