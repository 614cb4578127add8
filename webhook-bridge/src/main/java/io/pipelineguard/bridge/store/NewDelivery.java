package io.pipelineguard.bridge.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhook about to be stored: platform, the platform's delivery id (the deduplication key), the
 * event type and the raw body exactly as received (the array is not copied; do not change it).
 */
public record NewDelivery(
    Platform platform, String deliveryKey, String eventType, Instant receivedAt, byte[] body) {
  /** Largest delivery key kept; longer keys are hashed by the intake before they get here. */
  public static final int MAX_KEY_LENGTH = 256;

  /** Validates the fields. */
  public NewDelivery {
    Objects.requireNonNull(platform, "platform must not be null");
    Objects.requireNonNull(deliveryKey, "deliveryKey must not be null");
    Objects.requireNonNull(eventType, "eventType must not be null");
    Objects.requireNonNull(receivedAt, "receivedAt must not be null");
    Objects.requireNonNull(body, "body must not be null");
    if (deliveryKey.isEmpty() || deliveryKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "deliveryKey must have 1 to " + MAX_KEY_LENGTH + " characters");
    }
  }
}
