package io.pipelineguard.bridge.store;

import io.pipelineguard.monitor.MetricPoint;
import java.time.Instant;
import java.util.Objects;

/**
 * A run that finished with a result that says something about the pipeline's health (success or
 * failure; cancelled and skipped runs are not recorded), with its duration.
 *
 * @param platform where it ran
 * @param pipeline the pipeline name as in {@code runs.pipeline}
 * @param runKey the run key as in {@code runs.run_key}
 * @param attempt the run attempt (1 for the first; a re-run is a new point)
 * @param finishedAt when it finished
 * @param durationSeconds how long it took
 * @param success whether it succeeded
 */
public record FinishedRun(
    Platform platform,
    String pipeline,
    String runKey,
    int attempt,
    Instant finishedAt,
    double durationSeconds,
    boolean success) {
  /** Validates the fields and clips the keys to the column widths. */
  public FinishedRun {
    Objects.requireNonNull(platform, "platform must not be null");
    Objects.requireNonNull(pipeline, "pipeline must not be null");
    Objects.requireNonNull(runKey, "runKey must not be null");
    Objects.requireNonNull(finishedAt, "finishedAt must not be null");
    pipeline = RunStore.clip(pipeline, 512);
    runKey = RunStore.clip(runKey, 512);
  }

  /** Returns the pipeline id, {@code platform:pipeline}. */
  public String pipelineId() {
    return platform.wireName() + ":" + pipeline;
  }

  /** Returns the engine's metric point. */
  public MetricPoint point() {
    return new MetricPoint(pipelineId(), finishedAt, durationSeconds, success);
  }
}
