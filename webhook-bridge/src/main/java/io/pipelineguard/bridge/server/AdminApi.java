package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.pipelineguard.bridge.intake.IntakeMetrics;
import io.pipelineguard.bridge.security.Permissions;
import io.pipelineguard.bridge.store.Delivery;
import io.pipelineguard.bridge.store.DeliveryStore;
import io.pipelineguard.bridge.store.Page;
import io.pipelineguard.bridge.store.RunRecord;
import io.pipelineguard.bridge.store.RunStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake views under {@code /api} (runs, deliveries, intake counters); access is checked by
 * {@link KeyAccessControl} from each route's permission. Lists are newest first, {@code limit} 1 to
 * {@value Paging#MAX_LIMIT} (default {@value Paging#DEFAULT_LIMIT}), paged by the opaque {@code
 * cursor} returned as {@code next_cursor}.
 */
final class AdminApi {

  private final DeliveryStore deliveries;
  private final RunStore runs;
  private final IntakeMetrics metrics;

  AdminApi(DeliveryStore deliveries, RunStore runs, IntakeMetrics metrics) {
    this.deliveries = deliveries;
    this.runs = runs;
    this.metrics = metrics;
  }

  /** Returns the routes this class serves, each with the permission it needs. */
  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.get(
            "/api/runs",
            Permissions.DELIVERIES_READ,
            "Runs seen in webhooks, newest first",
            this::listRuns),
        ApiRoute.get(
            "/api/deliveries",
            Permissions.DELIVERIES_READ,
            "Received webhook deliveries, newest first",
            this::listDeliveries),
        ApiRoute.get(
            "/api/metrics/intake",
            Permissions.DELIVERIES_READ,
            "Intake counters and deliveries by status",
            this::intakeMetrics));
  }

  void listRuns(Context ctx) {
    Page<RunRecord> page = runs.page(Paging.cursor(ctx), Paging.limit(ctx));
    List<Map<String, Object>> items = new ArrayList<>();
    for (RunRecord run : page.items()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", run.id());
      item.put("platform", run.platform().wireName());
      item.put("run_key", run.runKey());
      item.put("pipeline", run.pipeline());
      item.put("run_number", run.runNumber());
      item.put("status", run.status());
      item.put("conclusion", run.conclusion());
      item.put("url", run.url());
      item.put("commit_sha", run.commitSha());
      item.put("branch", run.branch());
      item.put("created_at", Paging.iso(run.createdAt()));
      item.put("updated_at", Paging.iso(run.updatedAt()));
      items.add(item);
    }
    ctx.json(Paging.envelope(items, page.nextCursor()));
  }

  void listDeliveries(Context ctx) {
    Page<Delivery> page = deliveries.page(Paging.cursor(ctx), Paging.limit(ctx));
    List<Map<String, Object>> items = new ArrayList<>();
    for (Delivery delivery : page.items()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", delivery.id());
      item.put("platform", delivery.platform().wireName());
      item.put("delivery_key", delivery.deliveryKey());
      item.put("event_type", delivery.eventType());
      item.put("status", delivery.status().name());
      item.put("attempts", delivery.attempts());
      item.put("received_at", Paging.iso(delivery.receivedAt()));
      item.put("processed_at", Paging.iso(delivery.processedAt()));
      item.put("error", delivery.error());
      item.put("body_bytes", delivery.bodyBytes());
      items.add(item);
    }
    ctx.json(Paging.envelope(items, page.nextCursor()));
  }

  void intakeMetrics(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("counters", metrics.snapshot());
    body.put("deliveries_by_status", deliveries.countByStatus());
    ctx.json(body);
  }
}
