package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers {@code GET /health} with the liveness of the service and its version. No auth. */
final class HealthHandler {
  private final String version;

  HealthHandler(String version) {
    this.version = version;
  }

  void handle(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "UP");
    body.put("version", version);
    ctx.json(body);
  }
}
