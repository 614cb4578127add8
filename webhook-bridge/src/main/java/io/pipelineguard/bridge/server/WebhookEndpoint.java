package io.pipelineguard.bridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.intake.DeliveryWriter;
import io.pipelineguard.bridge.intake.IntakeMetrics;
import io.pipelineguard.bridge.intake.PayloadException;
import io.pipelineguard.bridge.intake.PayloadParser;
import io.pipelineguard.bridge.intake.WebhookRequest;
import io.pipelineguard.bridge.intake.WebhookSource;
import io.pipelineguard.bridge.store.InsertResult;
import io.pipelineguard.bridge.store.NewDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /webhooks/{platform}}: size check, authentication, parsing, deduplicated durable
 * storage, then the reply. Every refusal is a small JSON {@code {"error": reason}} counted in
 * {@link IntakeMetrics} under {@code rejected.<reason>}; nothing refused is stored.
 *
 * <p>Replies: 202 {@code accepted} (stored, committed, processed later), 200 {@code duplicate}
 * (already stored), 202 {@code ignored} (event type not handled; not stored), 200 {@code pong},
 * 400, 401, 413, 503 (store unavailable or queue full: the platform should retry).
 */
final class WebhookEndpoint {
  private static final long STORE_TIMEOUT_SECONDS = 30;

  /** Largest body whose parsed tree is handed to the workers in memory (larger: read back). */
  static final int MAX_HANDED_OVER_BODY_BYTES = 64 * 1024;

  /** Largest body read directly into an array sized by its Content-Length. */
  static final int DIRECT_READ_MAX_BYTES = 1024 * 1024;

  private final Map<String, WebhookSource> sources = new HashMap<>();
  private final DeliveryWriter writer;
  private final IntakeMetrics metrics;
  private final PayloadParser parser = new PayloadParser();
  private final Clock clock;
  private final long maxBodyBytes;

  WebhookEndpoint(
      List<WebhookSource> sources,
      DeliveryWriter writer,
      IntakeMetrics metrics,
      Clock clock,
      long maxBodyBytes) {
    for (WebhookSource source : sources) {
      this.sources.put(source.platform().wireName(), source);
    }
    this.writer = writer;
    this.metrics = metrics;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  void handle(Context ctx) {
    WebhookSource source = sources.get(ctx.pathParam("platform"));
    if (source == null) {
      reject(ctx, HttpStatus.BAD_REQUEST, "unknown_platform", "unknown platform");
      return;
    }
    String missing = source.missingConfiguration();
    if (missing != null) {
      reject(ctx, HttpStatus.UNAUTHORIZED, "not_configured", missing);
      return;
    }
    if (ctx.contentLength() > maxBodyBytes) {
      reject(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", tooLarge());
      return;
    }
    byte[] body;
    try {
      body = readBody(ctx);
    } catch (HttpResponseException e) {
      if (e.getStatus() == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
        reject(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", tooLarge());
        return;
      }
      throw e;
    }
    WebhookRequest request = new WebhookRequest(headers(ctx), body);
    String unauthentic = source.authenticate(request);
    if (unauthentic != null) {
      reject(ctx, HttpStatus.UNAUTHORIZED, "bad_credentials", unauthentic);
      return;
    }
    NewDelivery delivery;
    JsonNode handedOver;
    try {
      JsonNode json = parser.parse(body, source.payloadShape());
      String eventType = source.eventType(request, json);
      if (source.isPing(eventType)) {
        metrics.increment("ping");
        ctx.status(HttpStatus.OK).json(Map.of("status", "pong"));
        return;
      }
      if (!source.handles(eventType)) {
        metrics.increment("ignored");
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("status", "ignored", "event", clip(eventType)));
        return;
      }
      source.interpret(0, eventType, json, clock.instant());
      delivery =
          new NewDelivery(
              source.platform(),
              source.deliveryKey(request, json),
              clip(eventType),
              clock.instant(),
              body);
      handedOver = body.length <= MAX_HANDED_OVER_BODY_BYTES ? json : null;
    } catch (PayloadException e) {
      reject(ctx, HttpStatus.BAD_REQUEST, "malformed", e.getMessage());
      return;
    }
    store(ctx, delivery, handedOver);
  }

  private void store(Context ctx, NewDelivery delivery, JsonNode payload) {
    InsertResult result;
    try {
      result = writer.submit(delivery, payload).get(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      reject(ctx, HttpStatus.SERVICE_UNAVAILABLE, "queue_full", "intake queue full; retry later");
      return;
    } catch (ExecutionException | TimeoutException e) {
      reject(ctx, HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", "store unavailable");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reject(ctx, HttpStatus.SERVICE_UNAVAILABLE, "store_unavailable", "shutting down");
      return;
    }
    String status = result.duplicate() ? "duplicate" : "accepted";
    metrics.increment(status);
    // {"status": ..., "delivery_id": ...} written directly: the hot path skips Jackson.
    ctx.status(result.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .contentType(ContentType.APPLICATION_JSON)
        .result("{\"status\":\"" + status + "\",\"delivery_id\":" + result.id() + "}");
  }

  /**
   * Reads the body. One of a known length up to {@value #DIRECT_READ_MAX_BYTES} bytes is read
   * straight into an array of that size (one copy); others go through Javalin's bounded reader.
   */
  private static byte[] readBody(Context ctx) {
    int length = ctx.contentLength();
    if (length < 0 || length > DIRECT_READ_MAX_BYTES) {
      return ctx.bodyAsBytes();
    }
    try {
      byte[] body = new byte[length];
      int read = ctx.req().getInputStream().readNBytes(body, 0, length);
      return read == length ? body : Arrays.copyOf(body, read);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the webhook body", e);
    }
  }

  private String tooLarge() {
    return "body larger than " + maxBodyBytes + " bytes (webhooks.max_body_bytes)";
  }

  private void reject(Context ctx, HttpStatus status, String reason, String message) {
    metrics.increment("rejected." + reason);
    ctx.status(status).json(Map.of("error", message));
  }

  private static Map<String, String> headers(Context ctx) {
    Map<String, String> headers = new HashMap<>();
    var names = ctx.req().getHeaderNames();
    while (names.hasMoreElements()) {
      String name = names.nextElement();
      headers.put(name, ctx.req().getHeader(name));
    }
    return headers;
  }

  private static String clip(String eventType) {
    return eventType.length() <= 64 ? eventType : eventType.substring(0, 64);
  }
}
