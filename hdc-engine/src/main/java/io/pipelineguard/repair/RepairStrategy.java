package io.pipelineguard.repair;

/**
 * What the guard can do about a failed job. The engine chooses; the door (Jenkins step, webhook
 * bridge) carries the action out on its platform.
 */
public enum RepairStrategy {
  /** Run the failed job again, as it was. */
  RETRY_JOB(true),
  /** Re-run only the failed jobs of the pipeline run (GitHub "re-run failed jobs"). */
  RETRY_FAILED_JOBS(true),
  /** Run the failed job again after a delay taken from the policy's backoff. */
  RETRY_WITH_BACKOFF(true),
  /** Clear caches and workspace, then run the job again. */
  CLEAN_RETRY(true),
  /** Trigger the configured rollback job, workflow or pipeline. */
  ROLLBACK(false),
  /** Hand the failure to people: an alert with the diagnosis and its evidence. */
  ESCALATE(false),
  /** Run a user-supplied script through a registered {@link RepairEngine}. */
  CUSTOM_SCRIPT(false),
  /** Do nothing; the plan's reason says why. */
  NONE(false);

  private final boolean rerun;

  RepairStrategy(boolean rerun) {
    this.rerun = rerun;
  }

  /** Returns whether the strategy runs the failed job again (and so counts as an attempt). */
  public boolean isRerun() {
    return rerun;
  }

  /** Returns the lower-case wire name, for example {@code clean_retry}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
