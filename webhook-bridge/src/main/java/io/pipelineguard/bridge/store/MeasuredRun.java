package io.pipelineguard.bridge.store;

import io.pipelineguard.monitor.MetricPoint;

/**
 * A metric point with what the store knows about its run: the run row and the diagnosis of its
 * latest diagnosed failed job. Every field but {@code point}, {@code runKey} and {@code attempt}
 * may be null.
 *
 * @param point the metric point
 * @param runKey the run key
 * @param attempt the run attempt
 * @param runId the {@code runs} row id
 * @param runNumber the platform's run number
 * @param url the run's page
 * @param commitSha the commit
 * @param branch the branch
 * @param diagnosisId the diagnosis of a failed job of the run
 * @param category its category wire name
 * @param transientFailure whether it was judged transient
 * @param explanation its explanation
 */
public record MeasuredRun(
    MetricPoint point,
    String runKey,
    int attempt,
    Long runId,
    String runNumber,
    String url,
    String commitSha,
    String branch,
    Long diagnosisId,
    String category,
    Boolean transientFailure,
    String explanation) {}
