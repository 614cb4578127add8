package io.pipelineguard.monitor;

/**
 * A pipeline's health over its recent runs, as computed by {@link HealthScore}.
 *
 * @param status what the score means ({@link HealthStatus#UNKNOWN} with too few runs)
 * @param score the health score in [0, 1]; null when the status is unknown
 * @param runs runs looked at (at most the settings' window)
 * @param successRate share of those runs that succeeded; null with no runs
 * @param averageDurationSeconds mean duration of those runs; null with no runs
 * @param trend whether runs are getting slower or faster
 * @param consecutiveFailures failed runs in a row at the end
 */
public record PipelineHealth(
    HealthStatus status,
    Double score,
    int runs,
    Double successRate,
    Double averageDurationSeconds,
    DurationTrend trend,
    int consecutiveFailures) {}
