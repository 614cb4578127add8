package io.pipelineguard.bridge.intake;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * In-memory counters of webhook outcomes by reason (the {@link #OUTCOMES}). Thread-safe and cheap
 * (one {@link LongAdder} per reason); reset when the process restarts.
 */
public final class IntakeMetrics {
  /**
   * Webhook request outcomes counted here (the names of {@code GET /api/metrics/intake}, exported
   * to Prometheus by {@code BridgeMetrics}); a refusal reason the endpoint gains belongs here too.
   */
  public static final List<String> OUTCOMES =
      List.of(
          "accepted",
          "duplicate",
          "ignored",
          "ping",
          "rejected.bad_credentials",
          "rejected.malformed",
          "rejected.not_configured",
          "rejected.queue_full",
          "rejected.store_unavailable",
          "rejected.too_large",
          "rejected.unknown_platform");

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  /** Adds one to {@code reason}. */
  public void increment(String reason) {
    counters.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  /** Returns the count of {@code reason}, 0 when never seen. */
  public long count(String reason) {
    LongAdder adder = counters.get(reason);
    return adder == null ? 0 : adder.sum();
  }

  /** Returns a sorted snapshot of every counter. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((reason, adder) -> copy.put(reason, adder.sum()));
    return copy;
  }
}
