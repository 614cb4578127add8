package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.pipelineguard.bridge.monitor.PipelineViews;
import io.pipelineguard.bridge.security.Permissions;
import io.pipelineguard.bridge.store.AlertStore;
import io.pipelineguard.bridge.store.Page;
import io.pipelineguard.bridge.store.StoredAlert;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/alerts?hours=24&active=true}: alerts raised in the window, newest first. */
final class AlertsApi {
  private final AlertStore alerts;
  private final Clock clock;

  AlertsApi(AlertStore alerts, Clock clock) {
    this.alerts = alerts;
    this.clock = clock;
  }

  /** Returns the routes this class serves, each with the permission it needs. */
  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.get(
            "/api/alerts",
            Permissions.ALERTS_READ,
            "Alerts raised in the last hours (1..720), newest first; active=true for open ones",
            this::list));
  }

  void list(Context ctx) {
    int hours = ApiParams.hours(ctx);
    boolean activeOnly = ApiParams.flag(ctx, "active", false);
    Page<StoredAlert> page =
        alerts.page(
            clock.instant().minus(Duration.ofHours(hours)),
            activeOnly,
            Paging.cursor(ctx),
            Paging.limit(ctx));
    List<Map<String, Object>> items = new ArrayList<>();
    for (StoredAlert alert : page.items()) {
      items.add(PipelineViews.alert(alert));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("next_cursor", page.nextCursor() == null ? null : page.nextCursor().toString());
    ctx.json(body);
  }
}
