package io.pipelineguard.bridge.processing;

import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.JobResult;

/**
 * The seam between intake and the brain: receives each failed job a delivery reports, on a worker
 * thread (never on the request thread). The default, {@link PendingDiagnosisRecorder}, records it
 * as pending diagnosis; the diagnoser and repair planner plug in here.
 *
 * <p>Contract: called at least once per failed job; after a crash mid-call it may be called again
 * for the same job, so implementations must be idempotent (key on {@link FailedJob#jobKey()} and
 * {@link FailedJob#attempt()}). Throwing marks the delivery FAILED with the message.
 */
@FunctionalInterface
public interface FailureProcessor {
  /** Handles one failed job. May block (log download, diagnosis); runs on a bounded pool. */
  void process(FailedJob failedJob) throws Exception;

  /**
   * Receives each finished job a delivery reports (passed, or failed before {@link #process} is
   * called with it), so an earlier repair of the same job can be settled. Same idempotency contract
   * as {@link #process}. The default ignores it.
   */
  default void finished(JobResult result) throws Exception {}
}
