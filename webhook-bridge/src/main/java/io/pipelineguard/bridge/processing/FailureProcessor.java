package io.pipelineguard.bridge.processing;

import io.pipelineguard.bridge.store.FailedJob;

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
}
