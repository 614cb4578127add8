package io.pipelineguard.bridge.processing;

import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.RunStore;
import java.time.Clock;
import java.util.Objects;

/**
 * The default {@link FailureProcessor}: records the failed job in the {@code jobs} table with state
 * {@value RunStore#PENDING_DIAGNOSIS}, once per job attempt (a repeat is a no-op).
 */
public final class PendingDiagnosisRecorder implements FailureProcessor {
  private final RunStore runs;
  private final Clock clock;

  /** Creates the recorder over the run store. */
  public PendingDiagnosisRecorder(RunStore runs, Clock clock) {
    this.runs = Objects.requireNonNull(runs, "runs must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public void process(FailedJob failedJob) {
    runs.recordFailedJob(failedJob, RunStore.PENDING_DIAGNOSIS, clock.instant());
  }
}
