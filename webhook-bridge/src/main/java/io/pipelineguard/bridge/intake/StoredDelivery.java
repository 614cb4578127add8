package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.store.Platform;

/**
 * A delivery the writer has just committed, handed to the workers in memory so they need not read
 * and parse it back from the store.
 *
 * @param id the stored delivery's id
 * @param platform the platform it came from
 * @param eventType its event type, as stored
 * @param payload the intake's parsed body (not copied: read it, never change it), or null when the
 *     workers must read it from the store (large bodies are not kept in memory)
 * @param claimed true when it was stored already claimed (PROCESSING): the receiver must process it
 *     or release it ({@link io.pipelineguard.bridge.store.DeliveryStore#releaseAll})
 */
public record StoredDelivery(
    long id, Platform platform, String eventType, JsonNode payload, boolean claimed) {}
