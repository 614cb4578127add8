package io.pipelineguard.bridge.intake;

import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.JobResult;
import io.pipelineguard.bridge.store.RunRecord;

/**
 * What a delivery says, in platform-neutral terms: the run state to record (or null), the failed
 * job to hand to the failure processor (or null when nothing failed), and the finished job whose
 * result may settle an earlier repair (or null when no job finished).
 */
public record Interpretation(RunRecord run, FailedJob failedJob, JobResult finished) {
  /** An interpretation without a finished job, or whose finished job is the failed one. */
  public Interpretation(RunRecord run, FailedJob failedJob) {
    this(run, failedJob, failedJob == null ? null : JobResult.failed(failedJob));
  }

  /** An interpretation that records nothing. */
  public static Interpretation nothing() {
    return new Interpretation(null, null, null);
  }
}
