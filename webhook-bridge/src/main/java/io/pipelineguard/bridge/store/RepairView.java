package io.pipelineguard.bridge.store;

import java.time.Instant;

/**
 * A stored repair attempt as the API lists it.
 *
 * @param id the row id
 * @param jobId the repaired {@code jobs} row
 * @param diagnosisId the diagnosis it rests on, or null
 * @param pipelineId {@code platform:pipeline}
 * @param job the job name
 * @param strategy the strategy's wire name
 * @param attempt the attempt of the failed job that was repaired
 * @param state the stored state (PLANNED, HELD, RUNNING, SUCCEEDED, FAILED, ABORTED, ESCALATED,
 *     HANDS_OFF)
 * @param reason the plan's explanation or the latest detail, for people
 * @param outcome the recorded outcome (SUCCEEDED, FAILED), or null while unsettled
 * @param startedAt when it was planned
 * @param finishedAt when it settled, or null
 * @param approvedAt when a person approved it, or null
 */
public record RepairView(
    long id,
    long jobId,
    Long diagnosisId,
    String pipelineId,
    String job,
    String strategy,
    int attempt,
    String state,
    String reason,
    String outcome,
    Instant startedAt,
    Instant finishedAt,
    Instant approvedAt) {}
