package io.pipelineguard.bridge.store;

import io.pipelineguard.monitor.Alert;
import java.time.Instant;

/**
 * An alert as stored: the engine's {@link Alert}, when it was raised, and whether (and when) it was
 * resolved.
 *
 * @param id row id
 * @param alert what was raised
 * @param raisedAt when
 * @param active whether its condition still holds
 * @param resolvedAt when it stopped holding; null while active
 */
public record StoredAlert(
    long id, Alert alert, Instant raisedAt, boolean active, Instant resolvedAt) {}
