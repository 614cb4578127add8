package io.pipelineguard.bridge.store;

import java.time.Instant;

/**
 * A stored delivery. {@code body} is the raw payload when read with {@link
 * DeliveryStore#find(long)}, and empty in listings ({@link DeliveryStore#page}); {@code
 * processedAt} and {@code error} may be null.
 */
public record Delivery(
    long id,
    Platform platform,
    String deliveryKey,
    String eventType,
    DeliveryStatus status,
    int attempts,
    Instant receivedAt,
    Instant processedAt,
    String error,
    int bodyBytes,
    byte[] body) {}
