package io.pipelineguard.bridge.server;

import io.pipelineguard.bridge.monitor.SystemStatus;
import io.pipelineguard.bridge.security.Permissions;
import java.util.List;

/** {@code GET /api/status}: the system overview ({@link SystemStatus}). */
final class StatusApi {
  private final SystemStatus status;

  StatusApi(SystemStatus status) {
    this.status = status;
  }

  /** Returns the routes this class serves, each with the permission it needs. */
  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.get(
            "/api/status",
            Permissions.STATUS_READ,
            "System overview: pipelines by health, alerts, deliveries, repairs, diagnoses",
            ctx -> ctx.json(status.snapshot())));
  }
}
