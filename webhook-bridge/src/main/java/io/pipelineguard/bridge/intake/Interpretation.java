package io.pipelineguard.bridge.intake;

import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.RunRecord;

/**
 * What a delivery says, in platform-neutral terms: the run state to record (or null) and the failed
 * job to hand to the failure processor (or null when nothing failed).
 */
public record Interpretation(RunRecord run, FailedJob failedJob) {
  /** An interpretation that records nothing. */
  public static Interpretation nothing() {
    return new Interpretation(null, null);
  }
}
