package io.pipelineguard.repair;

import io.pipelineguard.repair.event.AttemptState;

/** Thrown when a repair attempt is asked to move between states that no transition links. */
public final class IllegalRepairTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final AttemptState from;
  private final AttemptState to;

  /** Creates the exception for a refused move from {@code from} to {@code to}. */
  public IllegalRepairTransitionException(String attemptId, AttemptState from, AttemptState to) {
    super("repair attempt " + attemptId + " cannot move from " + from + " to " + to);
    this.from = from;
    this.to = to;
  }

  /** Returns the state the attempt was in. */
  public AttemptState from() {
    return from;
  }

  /** Returns the state that was refused. */
  public AttemptState to() {
    return to;
  }
}
