package io.pipelineguard.bridge.security;

import java.time.Instant;

/**
 * One stored security audit event.
 *
 * @param id store id (newest is highest)
 * @param at when it happened
 * @param kind an {@link AuditKind#wireName()}
 * @param actor the key name, {@code anonymous}, a rate-limit subject or {@code system}
 * @param ip the client address, or {@code -} when none
 * @param detail one bounded line; never a key or token
 */
public record AuditEvent(
    long id, Instant at, String kind, String actor, String ip, String detail) {}
