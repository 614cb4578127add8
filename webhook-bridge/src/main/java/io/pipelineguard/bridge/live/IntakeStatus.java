package io.pipelineguard.bridge.live;

import io.pipelineguard.bridge.Version;
import io.pipelineguard.bridge.store.DeliveryStatus;
import io.pipelineguard.bridge.store.DeliveryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The part of the {@code GET /api/status} object the bridge knows without the monitoring module:
 * version, uptime and deliveries by status. A stand-in until the full status service is wired; the
 * dashboard shows the fields it lacks as unknown. Each call runs one count query on the store.
 */
public final class IntakeStatus implements Supplier<Map<String, Object>> {
  private final DeliveryStore deliveries;
  private final Clock clock;
  private final Instant started;

  /** Creates the view; uptime counts from now. */
  public IntakeStatus(DeliveryStore deliveries, Clock clock) {
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.started = clock.instant();
  }

  @Override
  public Map<String, Object> get() {
    Map<DeliveryStatus, Long> counts = deliveries.countByStatus();
    Map<String, Object> intake = new LinkedHashMap<>();
    intake.put(
        "pending",
        counts.getOrDefault(DeliveryStatus.PENDING, 0L)
            + counts.getOrDefault(DeliveryStatus.PROCESSING, 0L));
    intake.put("processed", counts.getOrDefault(DeliveryStatus.PROCESSED, 0L));
    intake.put("failed", counts.getOrDefault(DeliveryStatus.FAILED, 0L));
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("version", Version.current());
    status.put("uptime_seconds", Duration.between(started, clock.instant()).toSeconds());
    status.put("deliveries", intake);
    return status;
  }
}
