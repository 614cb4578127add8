package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.ADMIN_KEY;
import static io.pipelineguard.bridge.server.WebhookClient.await;
import static io.pipelineguard.bridge.server.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipelineguard.bridge.monitor.PipelineUpdate;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitoring API through the started server, fed by signed webhooks of real payloads. */
class MonitoringApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GITHUB_ID = "github:octo-org/octo-repo / CI";

  @TempDir Path dataDir;
  private BridgeServer server;
  private WebhookClient client;
  private final List<PipelineUpdate> updates = new CopyOnWriteArrayList<>();
  private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(36_000);
  private int deliveries;

  @BeforeEach
  void start() {
    server = new BridgeServer(WebhookClient.config(dataDir).build()).start();
    server.monitor().addListener(updates::add);
    client = new WebhookClient(server.port());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  /** A real workflow_run payload, changed to run {@code id} taking {@code seconds}. */
  private byte[] workflowRun(long id, int seconds, String conclusion, String branch)
      throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(fixture("github-workflow_run-completed.json"));
    ObjectNode run = (ObjectNode) body.get("workflow_run");
    Instant start = base.plusSeconds(id * 1800);
    run.put("id", id);
    run.put("name", "CI");
    run.put("conclusion", conclusion);
    run.put("run_started_at", start.toString());
    run.put("updated_at", start.plusSeconds(seconds).toString());
    if (branch != null) {
      run.put("head_branch", branch);
    }
    return JSON.writeValueAsBytes(body);
  }

  private void run(long id, int seconds, boolean success) throws Exception {
    send(workflowRun(id, seconds, success ? "success" : "failure", null));
  }

  /** A real workflow_job failure payload, changed to belong to run {@code runId} of CI. */
  private void failedJob(long runId, String name) throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(fixture("github-workflow_job-failure.json"));
    ((ObjectNode) body.get("repository")).put("full_name", "octo-org/octo-repo");
    ObjectNode job = (ObjectNode) body.get("workflow_job");
    job.put("run_id", runId);
    job.put("workflow_name", "CI");
    job.put("name", name);
    assertThat(
            client
                .github("workflow_job", "d-" + deliveries++, JSON.writeValueAsBytes(body))
                .statusCode())
        .isEqualTo(202);
    await(
        "failed job recorded",
        () ->
            server.runStore().countJobs(io.pipelineguard.bridge.store.RunStore.PENDING_DIAGNOSIS)
                == 1);
  }

  private void send(byte[] body) throws Exception {
    int before = updates.size();
    assertThat(client.github("workflow_run", "d-" + deliveries++, body).statusCode())
        .isEqualTo(202);
    await("metric point", () -> updates.size() > before);
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = client.get(path, ADMIN_KEY);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> post(String path, String body) {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("X-API-Key", ADMIN_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String enc(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Test
  void healthReportsTheStore() throws Exception {
    JsonNode health = JSON.readTree(client.get("/health", null).body());

    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("store").asText()).isEqualTo("UP");
  }

  @Test
  void gitlabPipelineAppearsWithItsDurationAndARedeliveryCountsOnce() throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(fixture("gitlab-pipeline.json"));
    ((ObjectNode) body.get("object_attributes")).put("finished_at", base.toString());
    byte[] payload = JSON.writeValueAsBytes(body);

    assertThat(client.gitlab("u-1", payload).statusCode()).isEqualTo(202);
    await("metric point", () -> updates.size() == 1);
    assertThat(client.gitlab("u-2", payload).statusCode()).isEqualTo(202);
    await(
        "redelivery processed",
        () ->
            server
                    .deliveryStore()
                    .countByStatus()
                    .get(io.pipelineguard.bridge.store.DeliveryStatus.PROCESSED)
                == 2);

    JsonNode page = get("/api/pipelines");
    JsonNode pipeline = page.get("items").get(0);
    assertThat(pipeline.get("id").asText()).isEqualTo("gitlab:gitlab-org/gitlab-test");
    assertThat(pipeline.get("platform").asText()).isEqualTo("gitlab");
    assertThat(pipeline.get("runs").asInt()).isEqualTo(1);
    assertThat(pipeline.get("health").asText()).isEqualTo("unknown");
    assertThat(pipeline.get("health_score").isNull()).isTrue();
    assertThat(pipeline.get("avg_duration_seconds").asDouble()).isEqualTo(63.0);
    assertThat(pipeline.get("last_status").asText()).isEqualTo("success");
    assertThat(page.get("next_cursor").isNull()).isTrue();

    JsonNode metrics = get("/api/metrics/" + enc("gitlab:gitlab-org/gitlab-test") + "?hours=720");
    assertThat(metrics.get("points")).hasSize(1);
    assertThat(metrics.get("points").get(0).get("duration_seconds").asDouble()).isEqualTo(63.0);
    assertThat(metrics.get("points").get(0).get("run_id").asLong()).isPositive();
    assertThat(metrics.get("failure_rate").get(0).get("rate").asDouble()).isEqualTo(0.0);
    assertThat(updates).hasSize(1);
  }

  @Test
  void failingSeriesRaisesAlertsOnceAndASuccessResolvesThem() throws Exception {
    for (int i = 1; i <= 10; i++) {
      run(i, 300 + (i % 3) * 10, true);
    }
    assertThat(get("/api/alerts?active=true").get("items")).isEmpty();
    JsonNode healthy = get("/api/pipelines/" + enc(GITHUB_ID));
    assertThat(healthy.get("health").asText()).isEqualTo("healthy");
    assertThat(healthy.get("health_score").asDouble()).isEqualTo(1.0);

    for (int i = 11; i <= 14; i++) {
      run(i, 300, false);
    }
    failedJob(14, "unit-tests");

    JsonNode active = get("/api/alerts?active=true&hours=24");
    assertThat(active.get("items"))
        .extracting(a -> a.get("kind").asText())
        .containsExactlyInAnyOrder("repeated_failure", "failure_rate", "health_critical");
    JsonNode repeated = find(active, "repeated_failure");
    assertThat(repeated.get("message").asText()).contains("the last 3 runs failed");
    assertThat(repeated.get("pipeline_id").asText()).isEqualTo(GITHUB_ID);
    assertThat(repeated.get("threshold").asDouble()).isEqualTo(3.0);
    JsonNode critical = get("/api/pipelines/" + enc(GITHUB_ID));
    assertThat(critical.get("health").asText()).isEqualTo("critical");
    assertThat(critical.get("success_rate").asDouble()).isEqualTo(10 / 14.0, within());
    JsonNode lastFailure = critical.get("last_failure");
    assertThat(lastFailure.get("job").asText()).isEqualTo("unit-tests");
    assertThat(lastFailure.get("run_id").asLong()).isPositive();
    assertThat(lastFailure.get("diagnosis_id").isNull()).isTrue();

    run(15, 300, true);

    assertThat(get("/api/alerts?active=true").get("items"))
        .extracting(a -> a.get("kind").asText())
        .doesNotContain("repeated_failure");
    JsonNode all = get("/api/alerts?limit=100");
    assertThat(all.get("items"))
        .filteredOn(a -> a.get("kind").asText().equals("repeated_failure"))
        .singleElement()
        .satisfies(a -> assertThat(a.get("active").asBoolean()).isFalse());
    // Deliveries are marked processed in the intake's next group commit (or within 20 ms).
    await("16 deliveries marked processed", () -> statusField("deliveries", "processed") == 16);
    JsonNode status = get("/api/status");
    assertThat(status.get("pipelines").get("total").asInt()).isEqualTo(1);
    assertThat(status.get("alerts_active").asLong())
        .isEqualTo(get("/api/alerts?active=true").get("items").size());
    assertThat(status.get("deliveries").get("processed").asLong()).isEqualTo(16);
  }

  @Test
  void sustainedSlowRunsRaiseADurationAnomalyAndANormalRunResolvesIt() throws Exception {
    for (int i = 1; i <= 10; i++) {
      run(i, 300 + (i % 4) * 40, true); // noisy: median 360 s, MAD 40 s
    }
    run(11, 600, true); // z ~ 4: slow, but one run alone is no alarm
    assertThat(get("/api/alerts?active=true").get("items")).isEmpty();
    run(12, 620, true);
    run(13, 610, true);

    JsonNode anomaly = find(get("/api/alerts?active=true"), "duration_anomaly");
    assertThat(anomaly.get("severity").asText()).isEqualTo("warning");
    assertThat(anomaly.get("message").asText()).contains("3 runs in a row are slow");
    assertThat(get("/api/pipelines/" + enc(GITHUB_ID)).get("duration_trend").asText())
        .isEqualTo("up");

    run(14, 305, true);

    assertThat(get("/api/alerts?active=true").get("items")).isEmpty();
    assertThat(updates.get(updates.size() - 1).resolved())
        .extracting(a -> a.alert().kind().wireName())
        .containsExactly("duration_anomaly");
  }

  @Test
  void registrationCreatesThenUpdatesAndShapesTheHealth() throws Exception {
    String body =
        "{\"id\":\"github:acme/shop / CI\",\"name\":\"Shop CI\",\"expected_duration\":300,"
            + "\"success_rate\":0.95,\"alert_email\":\"team@example.com\",\"critical\":true}";

    HttpResponse<String> created = post("/api/pipelines", body);
    HttpResponse<String> updated = post("/api/pipelines", body.replace("0.95", "0.8"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(updated.statusCode()).isEqualTo(200);
    JsonNode pipeline = get("/api/pipelines/" + enc("github:acme/shop / CI"));
    assertThat(pipeline.get("registered").asBoolean()).isTrue();
    assertThat(pipeline.get("critical").asBoolean()).isTrue();
    assertThat(pipeline.get("name").asText()).isEqualTo("Shop CI");
    assertThat(pipeline.get("expected_success_rate").asDouble()).isEqualTo(0.8);
    assertThat(pipeline.get("expected_duration_seconds").asDouble()).isEqualTo(300.0);
    assertThat(pipeline.get("alert_email").asText()).isEqualTo("team@example.com");
    assertThat(pipeline.get("health").asText()).isEqualTo("unknown");
  }

  @Test
  void invalidInputIsA400WithAMessage() throws Exception {
    assertBad(post("/api/pipelines", "{\"id\":\"github:x\",\"colour\":1}"), "unknown field");
    assertBad(post("/api/pipelines", "{\"id\":\"github:x\",\"success_rate\":1.5}"), "success_rate");
    assertBad(
        post("/api/pipelines", "{\"id\":\"github:x\",\"expected_duration\":0}"),
        "expected_duration");
    assertBad(
        post("/api/pipelines", "{\"id\":\"github:x\",\"expected_duration\":604801}"),
        "expected_duration");
    assertBad(
        post("/api/pipelines", "{\"id\":\"github:x\",\"alert_email\":\"nope\"}"), "alert_email");
    assertBad(post("/api/pipelines", "{\"id\":\"github:x\",\"critical\":\"yes\"}"), "critical");
    assertBad(post("/api/pipelines", "{\"id\":\"-bad\"}"), "id must be");
    assertBad(post("/api/pipelines", "{\"name\":\"x\"}"), "id is required");
    assertBad(post("/api/pipelines", "[1]"), "JSON object");
    assertBad(post("/api/pipelines", "{oops"), "not valid JSON");
    assertBad(client.get("/api/alerts?hours=0", ADMIN_KEY), "hours");
    assertBad(client.get("/api/alerts?hours=721", ADMIN_KEY), "hours");
    assertBad(client.get("/api/alerts?active=maybe", ADMIN_KEY), "active");
    assertBad(client.get("/api/pipelines?limit=101", ADMIN_KEY), "limit");
    assertBad(client.get("/api/pipelines?cursor=x", ADMIN_KEY), "cursor");
    assertBad(client.get("/api/export/github%3Ax?format=xml", ADMIN_KEY), "format");
    assertBad(client.get("/api/metrics/%24x", ADMIN_KEY), "pipeline_id");
    HttpResponse<String> large =
        post("/api/pipelines", "{\"id\":\"github:x\",\"name\":\"" + "a".repeat(70_000) + "\"}");
    assertThat(large.statusCode()).isEqualTo(413);
    assertThat(client.get("/api/pipelines/" + enc("github:none"), ADMIN_KEY).statusCode())
        .isEqualTo(404);
    assertThat(client.get("/api/metrics/" + enc("github:none"), ADMIN_KEY).statusCode())
        .isEqualTo(404);
    assertThat(client.get("/api/export/" + enc("github:none"), ADMIN_KEY).statusCode())
        .isEqualTo(404);
    assertThat(client.get("/api/pipelines", null).statusCode()).isEqualTo(401);
  }

  @Test
  void csvExportQuotesAndDefusesFormulas() throws Exception {
    send(workflowRun(1, 120, "success", "=HYPERLINK(\"http://x\",\"y\")"));
    send(workflowRun(2, 130, "failure", "plain"));

    HttpResponse<String> csv =
        client.get("/api/export/" + enc(GITHUB_ID) + "?format=csv&hours=720", ADMIN_KEY);

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).startsWith("finished_at,duration_seconds,result,run_id,run_key");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1))
        .contains(",120.0,success,")
        .contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
    assertThat(lines.get(2)).contains(",130.0,failure,").contains(",plain,");
    JsonNode json = get("/api/export/" + enc(GITHUB_ID) + "?hours=720");
    assertThat(json.get("runs")).hasSize(2);
    assertThat(json.get("runs").get(0).get("branch").asText()).startsWith("=HYPERLINK");
  }

  @Test
  void pagesOfPipelinesFollowTheCursor() throws Exception {
    for (String id : List.of("github:a", "github:b", "github:c")) {
      assertThat(post("/api/pipelines", "{\"id\":\"" + id + "\"}").statusCode()).isEqualTo(201);
    }

    JsonNode first = get("/api/pipelines?limit=2");
    JsonNode second = get("/api/pipelines?limit=2&cursor=" + first.get("next_cursor").asText());

    assertThat(first.get("items"))
        .extracting(p -> p.get("id").asText())
        .containsExactly("github:a", "github:b");
    assertThat(second.get("items"))
        .extracting(p -> p.get("id").asText())
        .containsExactly("github:c");
    assertThat(second.get("next_cursor").isNull()).isTrue();
  }

  private static JsonNode find(JsonNode page, String kind) {
    for (JsonNode item : page.get("items")) {
      if (item.get("kind").asText().equals(kind)) {
        return item;
      }
    }
    throw new AssertionError("no " + kind + " alert in " + page);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.001);
  }

  private static void assertBad(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("\"error\"").contains(message);
  }

  private long statusField(String group, String field) {
    try {
      return get("/api/status").get(group).get(field).asLong();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
