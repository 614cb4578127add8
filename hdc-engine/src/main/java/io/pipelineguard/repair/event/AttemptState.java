package io.pipelineguard.repair.event;

/** The states of a repair attempt: planned, running, then one terminal state. */
public enum AttemptState {
  /** Decided, not started (a backoff delay may be pending). */
  PLANNED,
  /** The door is carrying the action out. */
  RUNNING,
  /** Terminal: the job or rollback passed. */
  SUCCEEDED,
  /** Terminal: the job or rollback failed. */
  FAILED,
  /** Terminal: cancelled (by a person, a newer commit, or shutdown). */
  ABORTED,
  /** Terminal: no result within the allowed time. */
  TIMED_OUT;

  /** Returns whether no transition leaves this state. */
  public boolean isTerminal() {
    return this != PLANNED && this != RUNNING;
  }
}
