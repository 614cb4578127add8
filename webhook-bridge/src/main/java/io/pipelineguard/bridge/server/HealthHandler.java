package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Answers {@code GET /health} with the service's liveness, its version and whether the store
 * answers (a {@code SELECT 1} with a short timeout): 200 when both are up, 503 when the store is
 * down. No auth.
 */
final class HealthHandler {
  private final String version;
  private final BooleanSupplier storeUp;

  HealthHandler(String version, BooleanSupplier storeUp) {
    this.version = version;
    this.storeUp = storeUp;
  }

  void handle(Context ctx) {
    boolean store = storeUp.getAsBoolean();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", store ? "UP" : "DOWN");
    body.put("version", version);
    body.put("store", store ? "UP" : "DOWN");
    ctx.status(store ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
  }
}
