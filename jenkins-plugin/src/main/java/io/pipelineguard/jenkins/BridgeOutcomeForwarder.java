package io.pipelineguard.jenkins;

import io.pipelineguard.internal.json.JsonWriter;
import io.pipelineguard.repair.RepairStrategy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shares this controller's repair outcomes with a Pipeline Guard bridge ({@code POST
 * {bridge}/api/outcomes}, {@code X-API-Key}), so a team's bridge learns from Jenkins guards too.
 * Configured on the global configuration (bridge URL and API key); does nothing while either is
 * empty.
 *
 * <p>Never blocks a guard: outcomes go to a queue of at most {@value #MAX_QUEUED} sent by one
 * background thread (created on first use, ended after a minute idle); when the queue is full or
 * the bridge refuses, the outcome is dropped and counted, and a warning is logged at most once per
 * {@value #WARN_EVERY} drops. Each request times out after 10 s. The key is never logged.
 */
final class BridgeOutcomeForwarder {
  private static final Logger LOGGER = Logger.getLogger(BridgeOutcomeForwarder.class.getName());

  /** Outcomes waiting to be sent at most. */
  static final int MAX_QUEUED = 1_000;

  /** A warning is logged for the first drop and then once per this many. */
  static final int WARN_EVERY = 100;

  private final Supplier<String> bridgeUrl;
  private final Supplier<String> apiKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final ExecutorService sender =
      new ThreadPoolExecutor(
          0,
          1,
          1,
          TimeUnit.MINUTES,
          new LinkedBlockingQueue<>(MAX_QUEUED),
          r -> {
            Thread t = new Thread(r, "pipeline-guard bridge outcomes");
            t.setDaemon(true);
            return t;
          },
          (r, executor) -> drop("the queue is full"));

  /**
   * Creates the forwarder.
   *
   * @param bridgeUrl the bridge's base URL, read at each outcome; empty for none
   * @param apiKey the API key (permission {@code repairs:execute}), read at each outcome
   */
  BridgeOutcomeForwarder(Supplier<String> bridgeUrl, Supplier<String> apiKey) {
    this.bridgeUrl = bridgeUrl;
    this.apiKey = apiKey;
  }

  /** Returns outcomes the bridge accepted. */
  long sent() {
    return sent.get();
  }

  /** Returns outcomes dropped (queue full, bridge unreachable or refusing). */
  long dropped() {
    return dropped.get();
  }

  /**
   * Queues one outcome for the bridge; returns at once.
   *
   * @return whether it was queued (false when no bridge is configured or the queue is full)
   */
  boolean forward(RepairOutcome outcome, RepairStrategy strategy) {
    String url = trimmed(bridgeUrl.get());
    String key = trimmed(apiKey.get());
    if (url.isEmpty() || key.isEmpty()) {
      return false;
    }
    String body = json(outcome, strategy);
    long before = dropped.get();
    sender.execute(() -> send(url, key, body));
    return dropped.get() == before;
  }

  private void send(String url, String key, String body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(stripSlash(url) + "/api/outcomes"))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json")
              .header("X-API-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        sent.incrementAndGet();
      } else {
        String answer = response.body();
        drop(
            "the bridge answered "
                + response.statusCode()
                + ": "
                + (answer.length() > 200 ? answer.substring(0, 200) : answer));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      drop("interrupted");
    } catch (java.io.IOException | IllegalArgumentException e) {
      drop(e.toString());
    }
  }

  private void drop(String why) {
    long n = dropped.incrementAndGet();
    if (n == 1 || n % WARN_EVERY == 0) {
      LOGGER.log(
          Level.WARNING,
          "pipeline-guard: {0} repair outcome(s) not shared with the bridge; latest: {1}",
          new Object[] {n, why});
    }
  }

  static String json(RepairOutcome outcome, RepairStrategy strategy) {
    StringBuilder sb = new StringBuilder(256).append("{\"platform\":\"jenkins\",\"pipeline\":");
    JsonWriter.quote(sb, outcome.job()).append(",\"job\":");
    JsonWriter.quote(sb, SharedGuardEngine.PLANNER_JOB).append(",\"signature\":");
    JsonWriter.quote(sb, outcome.signature()).append(",\"category\":");
    JsonWriter.quote(sb, outcome.category().wireName()).append(",\"strategy\":");
    JsonWriter.quote(sb, strategy.wireName());
    return sb.append(",\"attempt\":")
        .append(Math.max(1, outcome.attempt()))
        .append(",\"succeeded\":")
        .append(outcome.succeeded())
        .append('}')
        .toString();
  }

  private static String trimmed(String s) {
    return s == null ? "" : s.trim();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
