package io.pipelineguard.monitor;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished run of a pipeline: when it finished, how long it took and whether it succeeded.
 *
 * @param pipelineId the pipeline ({@code platform:pipeline})
 * @param finishedAt when the run finished
 * @param durationSeconds wall-clock duration in seconds, at least 0
 * @param success whether the run succeeded
 */
public record MetricPoint(
    String pipelineId, Instant finishedAt, double durationSeconds, boolean success) {
  /** Validates the fields. */
  public MetricPoint {
    Objects.requireNonNull(pipelineId, "pipelineId must not be null");
    Objects.requireNonNull(finishedAt, "finishedAt must not be null");
    if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
      throw new IllegalArgumentException(
          "durationSeconds must be a finite number >= 0, was " + durationSeconds);
    }
  }
}
