package io.pipelineguard.monitor;

import java.time.Instant;

/**
 * The failure rate of the runs that finished in one hour.
 *
 * @param hour start of the hour (UTC)
 * @param rate share of those runs that failed
 * @param runs runs that finished in the hour
 */
public record HourlyFailureRate(Instant hour, double rate, int runs) {}
