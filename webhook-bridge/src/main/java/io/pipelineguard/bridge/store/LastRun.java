package io.pipelineguard.bridge.store;

import java.time.Instant;

/**
 * A pipeline's most recently updated run.
 *
 * @param runId the {@code runs} row id
 * @param status its conclusion, or its status while unfinished
 * @param at when it was last updated
 */
public record LastRun(long runId, String status, Instant at) {}
