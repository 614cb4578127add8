package io.pipelineguard.bridge.store;

import java.time.Instant;

/**
 * A pipeline's latest failed job and its diagnosis, if it has one yet.
 *
 * @param runId the run's {@code runs} row id; null when the run was never recorded
 * @param job the job name
 * @param at when it finished (or was recorded)
 * @param diagnosisId the latest diagnosis; null when not diagnosed
 * @param category the diagnosis category wire name; null when not diagnosed
 * @param transientFailure whether it was judged transient; null when not diagnosed
 * @param confidence the diagnosis confidence; null when not diagnosed
 * @param explanation the diagnosis explanation; null when not diagnosed
 */
public record LastFailure(
    Long runId,
    String job,
    Instant at,
    Long diagnosisId,
    String category,
    Boolean transientFailure,
    Double confidence,
    String explanation) {}
