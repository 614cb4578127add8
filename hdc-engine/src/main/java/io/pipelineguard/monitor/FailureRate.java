package io.pipelineguard.monitor;

/**
 * The failure rate of a pipeline's recent runs, as judged by {@link FailureRateMonitor}.
 *
 * @param rate share of the runs that failed
 * @param runs runs looked at
 * @param threshold highest tolerated rate
 * @param exceeded whether {@code rate > threshold} with enough runs to say
 */
public record FailureRate(double rate, int runs, double threshold, boolean exceeded) {}
