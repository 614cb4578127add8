package io.pipelineguard.bridge.monitor;

import io.pipelineguard.bridge.store.AlertStore;
import io.pipelineguard.bridge.store.DeliveryStatus;
import io.pipelineguard.bridge.store.DeliveryStore;
import io.pipelineguard.bridge.store.MonitoringQueries;
import io.pipelineguard.bridge.store.PipelineStore;
import io.pipelineguard.monitor.HealthStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the system overview of {@code GET /api/status} (and the WebSocket's {@code
 * system_status}): pipelines by health, active alerts, deliveries by status, repairs and diagnoses
 * of the last 24 hours. Health is computed for at most {@value #MAX_PIPELINES} pipelines (one
 * health computation each); beyond that the counts cover the first ones by id.
 */
public final class SystemStatus {
  /** Most pipelines whose health the overview computes. */
  public static final int MAX_PIPELINES = 1000;

  private final String version;
  private final Instant startedAt;
  private final Clock clock;
  private final PipelineStore pipelines;
  private final PipelineMonitor monitor;
  private final AlertStore alerts;
  private final DeliveryStore deliveries;
  private final MonitoringQueries queries;

  /** Creates the overview; uptime counts from now. */
  public SystemStatus(
      String version,
      Clock clock,
      PipelineStore pipelines,
      PipelineMonitor monitor,
      AlertStore alerts,
      DeliveryStore deliveries,
      MonitoringQueries queries) {
    this.version = Objects.requireNonNull(version, "version must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.startedAt = clock.instant();
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines must not be null");
    this.monitor = Objects.requireNonNull(monitor, "monitor must not be null");
    this.alerts = Objects.requireNonNull(alerts, "alerts must not be null");
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries must not be null");
    this.queries = Objects.requireNonNull(queries, "queries must not be null");
  }

  /** Returns the overview object of docs/api.md. */
  public Map<String, Object> snapshot() {
    Instant now = clock.instant();
    Instant dayAgo = now.minus(Duration.ofHours(24));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    body.put("uptime_seconds", Math.max(0, Duration.between(startedAt, now).toSeconds()));
    body.put("pipelines", pipelineCounts());
    body.put("alerts_active", alerts.countActive());
    Map<String, Object> byStatus = new LinkedHashMap<>();
    for (Map.Entry<DeliveryStatus, Long> entry : deliveries.countByStatus().entrySet()) {
      byStatus.put(entry.getKey().name().toLowerCase(Locale.ROOT), entry.getValue());
    }
    body.put("deliveries", byStatus);
    Map<String, Long> repairStates = queries.repairsByStateSince(dayAgo);
    Map<String, Object> repairs = new LinkedHashMap<>();
    repairs.put("last_24h", repairStates.values().stream().mapToLong(Long::longValue).sum());
    repairs.put("succeeded", repairStates.getOrDefault("SUCCEEDED", 0L));
    repairs.put(
        "failed",
        repairStates.getOrDefault("FAILED", 0L) + repairStates.getOrDefault("TIMED_OUT", 0L));
    repairs.put("held_for_approval", repairStates.getOrDefault("HELD", 0L));
    body.put("repairs", repairs);
    body.put("diagnoses_last_24h", queries.diagnosesSince(dayAgo));
    return body;
  }

  private Map<String, Object> pipelineCounts() {
    Map<HealthStatus, Integer> counts = new EnumMap<>(HealthStatus.class);
    int total = 0;
    for (String id : pipelines.knownIds(0, MAX_PIPELINES)) {
      counts.merge(monitor.health(id).status(), 1, Integer::sum);
      total++;
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("total", total);
    for (HealthStatus status : HealthStatus.values()) {
      view.put(status.wireName(), counts.getOrDefault(status, 0));
    }
    return view;
  }
}
