package io.pipelineguard.bridge.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.staticfiles.Location;
import io.pipelineguard.bridge.live.LiveEvents;
import io.pipelineguard.bridge.live.LiveSocket;
import java.util.List;
import java.util.Map;

/**
 * A stand-in bridge for browser tests: the real dashboard files and {@code /ws}, with the REST
 * endpoints of docs/api.md answering fixed contract-shaped data. Session login takes {@link
 * #FULL_KEY} (everything) or {@link #LIMITED_KEY} (no {@code repairs:read}); any other key is 401.
 */
final class ContractStub implements AutoCloseable {
  static final String FULL_KEY = "full-key";
  static final String LIMITED_KEY = "limited-key";
  static final String COOKIE = "pg_session";
  static final String PIPELINE_ID = "github:acme/shop/ci.yml";

  private final LiveEvents events = new LiveEvents(new ObjectMapper(), 16);
  private final Javalin app;

  ContractStub() {
    LiveSocket socket = new LiveSocket(events, ctx -> session(ctx), ContractStub::status);
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              DashboardAssets.registerStaticFiles(config);
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/dashboard-test";
                    files.directory = "dashboard-test";
                    files.location = Location.CLASSPATH;
                    files.headers = DashboardAssets.SECURITY_HEADERS;
                  });
              for (ApiRoute route : new DashboardAssets().routes()) {
                config.routes.addHttpHandler(route.method(), route.path(), route.handler());
              }
              socket.register(config.routes);
              config.routes.post("/api/session", ContractStub::login);
              config.routes.delete("/api/session", ctx -> ctx.removeCookie(COOKIE).status(204));
              config.routes.get("/api/status", ctx -> ok(ctx, status()));
              config.routes.get(
                  "/api/pipelines", ctx -> ok(ctx, page(List.of(pipeline(PIPELINE_ID)))));
              config.routes.get(
                  "/api/pipelines/{id}", ctx -> ok(ctx, pipeline(ctx.pathParam("id"))));
              config.routes.get("/api/alerts", ctx -> ok(ctx, page(List.of(alert()))));
              config.routes.get("/api/repairs", ContractStub::repairs);
              config.routes.get("/api/metrics/{id}", ctx -> ok(ctx, metrics(ctx.pathParam("id"))));
              config.routes.get("/api/diagnoses/{id}", ctx -> ok(ctx, diagnosis()));
              config.routes.exception(
                  io.javalin.http.HttpResponseException.class,
                  (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
            });
    app.start("127.0.0.1", 0);
  }

  String base() {
    return "http://127.0.0.1:" + app.port();
  }

  LiveEvents events() {
    return events;
  }

  private static void login(Context ctx) {
    String key = String.valueOf(ctx.bodyAsClass(Map.class).get("api_key"));
    if (!key.equals(FULL_KEY) && !key.equals(LIMITED_KEY)) {
      throw new UnauthorizedResponse("unknown key");
    }
    ctx.header(
        "Set-Cookie",
        COOKIE
            + "="
            + (key.equals(FULL_KEY) ? "full" : "limited")
            + "; Path=/; HttpOnly; SameSite=Strict");
    ctx.status(201).json(Map.of("role", "admin"));
  }

  private static String session(Context ctx) {
    String session = ctx.cookie(COOKIE);
    if (session == null || session.isEmpty()) {
      throw new UnauthorizedResponse("no session");
    }
    return session;
  }

  private static void ok(Context ctx, Object body) {
    session(ctx);
    ctx.json(body);
  }

  private static void repairs(Context ctx) {
    if (!session(ctx).equals("full")) {
      throw new ForbiddenResponse("this key lacks repairs:read");
    }
    ctx.json(
        page(
            List.of(
                Map.ofEntries(
                    Map.entry("id", 2),
                    Map.entry("job_id", 3),
                    Map.entry("pipeline_id", PIPELINE_ID),
                    Map.entry("job", "test"),
                    Map.entry("strategy", "retry_failed_jobs"),
                    Map.entry("attempt", 1),
                    Map.entry("state", "succeeded"),
                    Map.entry("reason", "network failure is transient (confidence 0.91)"),
                    Map.entry("outcome", "the job passed on retry"),
                    Map.entry("started_at", "2026-11-28T09:01:00Z"),
                    Map.entry("finished_at", "2026-11-28T09:06:00Z")))));
  }

  static Map<String, Object> page(List<?> items) {
    java.util.Map<String, Object> page = new java.util.LinkedHashMap<>();
    page.put("items", items);
    page.put("next_cursor", null);
    return page;
  }

  static Map<String, Object> status() {
    return Map.of(
        "version",
        "0.1.0",
        "uptime_seconds",
        7260,
        "pipelines",
        Map.of("total", 1, "healthy", 0, "warning", 1, "critical", 0),
        "alerts_active",
        1,
        "deliveries",
        Map.of("pending", 0, "processed", 42, "failed", 0),
        "repairs",
        Map.of("last_24h", 1, "succeeded", 1, "failed", 0, "held_for_approval", 0),
        "diagnoses_last_24h",
        1);
  }

  static Map<String, Object> pipeline(String id) {
    return Map.ofEntries(
        Map.entry("id", id),
        Map.entry("platform", "github"),
        Map.entry("name", "acme/shop ci.yml"),
        Map.entry("registered", true),
        Map.entry("critical", false),
        Map.entry("health_score", 0.71),
        Map.entry("health", "warning"),
        Map.entry("runs", 24),
        Map.entry("success_rate", 0.83),
        Map.entry("expected_success_rate", 0.95),
        Map.entry("avg_duration_seconds", 352.0),
        Map.entry("expected_duration_seconds", 300),
        Map.entry("duration_trend", "up"),
        Map.entry("last_run_at", "2026-11-28T09:00:00Z"),
        Map.entry("last_status", "failure"),
        Map.entry(
            "last_failure",
            Map.of(
                "run_id",
                12,
                "job",
                "test",
                "at",
                "2026-11-28T09:00:00Z",
                "diagnosis_id",
                7,
                "category",
                "network",
                "transient",
                true,
                "confidence",
                0.91,
                "summary",
                "registry connection reset while installing packages")));
  }

  static Map<String, Object> alert() {
    return Map.of(
        "id",
        1,
        "pipeline_id",
        PIPELINE_ID,
        "kind",
        "failure_rate",
        "severity",
        "warning",
        "message",
        "failure rate 17 % over 24 h, expected at most 5 %",
        "value",
        0.17,
        "threshold",
        0.05,
        "raised_at",
        "2026-11-28T09:00:00Z",
        "active",
        true);
  }

  static Map<String, Object> metrics(String id) {
    List<Map<String, Object>> points = new java.util.ArrayList<>();
    List<Map<String, Object>> rates = new java.util.ArrayList<>();
    for (int hour = 0; hour < 12; hour++) {
      String at = String.format("2026-11-28T%02d:00:00Z", hour);
      points.add(
          Map.of(
              "at", at, "duration_seconds", 290 + hour * 7, "success", hour != 9, "run_id", hour));
      rates.add(Map.of("at", at, "rate", hour == 9 ? 0.5 : 0.0, "runs", 2));
    }
    return Map.of("pipeline_id", id, "points", points, "failure_rate", rates);
  }

  static Map<String, Object> diagnosis() {
    return Map.ofEntries(
        Map.entry("id", 7),
        Map.entry("job_id", 3),
        Map.entry("pipeline_id", PIPELINE_ID),
        Map.entry("job", "test"),
        Map.entry("category", "network"),
        Map.entry("transient", true),
        Map.entry("confidence", 0.91),
        Map.entry("signature", "npm-econnreset"),
        Map.entry("novel", false),
        Map.entry("explanation", "The package registry reset the connection: a retry may pass."),
        Map.entry(
            "evidence",
            List.of(
                Map.of("line", 120, "text", "npm ERR! code ECONNRESET"),
                Map.of("line", 121, "text", "<script>window.pwned=1</script>"))),
        Map.entry("created_at", "2026-11-28T09:02:00Z"));
  }

  /** Waits up to 20 s for a condition (delegates to the webhook tests' helper). */
  static void await(String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    WebhookClient.await(what, condition);
  }

  @Override
  public void close() {
    app.stop();
  }
}
