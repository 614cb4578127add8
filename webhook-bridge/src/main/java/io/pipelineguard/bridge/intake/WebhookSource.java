package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.store.Platform;
import java.time.Instant;

/**
 * One CI platform's webhook dialect: how its requests authenticate, what event they carry, which
 * key deduplicates them, and what they mean. Implementations are immutable and thread-safe; none
 * touches the store.
 */
public interface WebhookSource {
  /** Returns the platform this source reads. */
  Platform platform();

  /**
   * Returns null when authentication is configured, else the operator-facing reason (naming the
   * configuration key and environment variable to set).
   */
  String missingConfiguration();

  /**
   * Checks the request's credentials over the raw body. Constant-time in the secret.
   *
   * @return null when authentic, else a short reason for the 401 (never containing the secret)
   */
  String authenticate(WebhookRequest request);

  /**
   * Returns the event type (e.g. {@code workflow_job}, {@code build}, {@code build.complete}).
   *
   * @throws PayloadException when the request names none
   */
  String eventType(WebhookRequest request, JsonNode body);

  /** Returns true for event types this source stores and processes; others are ignored. */
  boolean handles(String eventType);

  /** Returns true for a connectivity check (GitHub's {@code ping}), answered without storing. */
  default boolean isPing(String eventType) {
    return false;
  }

  /**
   * Returns the payload fields this source reads ({@link #eventType}, {@link #deliveryKey}, {@link
   * #interpret} and {@link FinishedRuns}): the intake and the workers parse only these. {@link
   * PayloadShape#WHOLE} (the default) builds the whole tree.
   */
  default PayloadShape payloadShape() {
    return PayloadShape.WHOLE;
  }

  /** Returns the platform's delivery id, or a key derived from the payload when it sends none. */
  String deliveryKey(WebhookRequest request, JsonNode body);

  /**
   * Translates a handled event into a run update and/or a failed job.
   *
   * @param deliveryId the stored delivery's id (0 when only validating at intake)
   * @param now the time to stamp rows with when the payload has none
   * @throws PayloadException when the body lacks what the event type requires
   */
  Interpretation interpret(long deliveryId, String eventType, JsonNode body, Instant now);
}
