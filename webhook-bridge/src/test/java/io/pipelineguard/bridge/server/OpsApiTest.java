package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.ADMIN_KEY;
import static io.pipelineguard.bridge.server.WebhookClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineguard.bridge.config.PlatformApi;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.DeliveryStatus;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.repair.ApprovalRule;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnoses, feedback (the engine learns, across a restart), approval of held repairs, the OpenAPI
 * description and the store-backed metrics, end to end through webhooks and a fake GitHub API.
 */
class OpsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REPO =
      "{\"id\":1,\"name\":\"app\",\"full_name\":\"octo/app\",\"owner\":{\"login\":\"octo\","
          + "\"id\":7,\"type\":\"User\"}}";
  private static final String DNS_LOG =
      "2026-01-05T10:00:00Z Fetching the dependencies\n"
          + "2026-01-05T10:00:03Z fatal: unable to access 'https://git.example.org/lib.git/':"
          + " Could not resolve host: git.example.org\n"
          + "2026-01-05T10:00:03Z Error: Process completed with exit code 128.\n";

  @TempDir Path dataDir;

  private static byte[] jobEvent(long id, int attempt) {
    return ("{\"action\":\"completed\",\"workflow_job\":{\"id\":"
            + id
            + ",\"run_id\":"
            + (70 + id)
            + ",\"run_attempt\":"
            + attempt
            + ",\"workflow_name\":\"CI\",\"name\":\"build\",\"status\":\"completed\","
            + "\"conclusion\":\"failure\",\"head_sha\":\"abc"
            + id
            + "\",\"head_branch\":\"main\"},\"repository\":{\"full_name\":\"octo/app\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static FakePlatform fakeGitHub(long... jobs) throws Exception {
    FakePlatform github = new FakePlatform();
    github.json("GET /repos/octo/app", REPO);
    for (long job : jobs) {
      String base = "/repos/octo/app/actions/jobs/" + job;
      github
          .json("GET " + base, "{\"id\":" + job + ",\"run_id\":" + (70 + job) + "}")
          .text("GET " + base + "/logs", DNS_LOG)
          .json("POST " + base + "/rerun", "{}");
    }
    return github;
  }

  private BridgeServer start(FakePlatform github, ApprovalRule approval) {
    return new BridgeServer(
            WebhookClient.config(dataDir)
                .platformApi(
                    Platform.GITHUB, new PlatformApi(github.url(), "", Secret.of("gh-token")))
                .maxRetryDelaySeconds(0)
                .requireApproval(approval)
                .build(),
            Clock.systemUTC(),
            null)
        .start();
  }

  private static void failJob(BridgeServer server, WebhookClient hooks, long job, long processed)
      throws Exception {
    assertThat(hooks.github("workflow_job", "d-" + job, jobEvent(job, 1)).statusCode())
        .isEqualTo(202);
    await(
        processed + " deliveries processed",
        () ->
            server.deliveryStore().countByStatus().getOrDefault(DeliveryStatus.PROCESSED, 0L)
                >= processed);
  }

  private static JsonNode getJson(WebhookClient hooks, String path) throws Exception {
    HttpResponse<String> response = hooks.get(path, ADMIN_KEY);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> post(
      WebhookClient hooks, int port, String path, String body) {
    return hooks.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("X-API-Key", ADMIN_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String latestCategory(WebhookClient hooks) throws Exception {
    return getJson(hooks, "/api/diagnoses?limit=1").get("items").get(0).get("category").asText();
  }

  @Test
  void feedbackTeachesTheEngineAndSurvivesARestart() throws Exception {
    try (FakePlatform github = fakeGitHub(501, 502, 503)) {
      try (BridgeServer server = start(github, ApprovalRule.NONE)) {
        WebhookClient hooks = new WebhookClient(server.port());
        failJob(server, hooks, 501, 1);
        JsonNode first = getJson(hooks, "/api/diagnoses").get("items").get(0);
        assertThat(first.get("category").asText()).isEqualTo("network");
        assertThat(first.get("pipeline_id").asText()).startsWith("github:");
        JsonNode one = getJson(hooks, "/api/diagnoses/" + first.get("id").asLong());
        assertThat(one.get("evidence").toString()).contains("Could not resolve host");
        assertThat(getJson(hooks, "/api/diagnoses?category=dependency").get("items").size())
            .isZero();

        HttpResponse<String> feedback =
            post(
                hooks,
                server.port(),
                "/api/feedback",
                "{\"diagnosis_id\":"
                    + first.get("id").asLong()
                    + ",\"category\":\"dependency\",\"transient\":false,\"comment\":\"our"
                    + " mirror is gone\"}");
        assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(201);
        assertThat(JSON.readTree(feedback.body()).get("learned").asBoolean()).isTrue();

        failJob(server, hooks, 502, 2);
        assertThat(latestCategory(hooks)).isEqualTo("dependency");
      }
      try (BridgeServer server = start(github, ApprovalRule.NONE)) {
        WebhookClient hooks = new WebhookClient(server.port());
        failJob(server, hooks, 503, 3);
        assertThat(latestCategory(hooks)).isEqualTo("dependency");
        assertThat(hooks.get("/metrics", ADMIN_KEY).body())
            .contains("pipeline_guard_diagnoses_total{category=\"dependency\"} 2")
            .contains("pipeline_guard_diagnoses_total{category=\"network\"} 1")
            // latency totals: two diagnoses before the restart (saved at stop), one after
            .contains("pipeline_guard_diagnosis_seconds_count 3")
            .contains("pipeline_guard_delivery_processing_seconds_count 3")
            // the network failure was retried; the two "dependency" ones were escalated
            .contains(
                "pipeline_guard_repairs_open{state=\"running\",strategy=\"retry_with_backoff\"}"
                    + " 1")
            .contains(
                "pipeline_guard_repairs_total{outcome=\"escalated\",strategy=\"escalate\"} 2");
      }
    }
  }

  @Test
  void badRequestsAreRefusedWithAMessage() throws Exception {
    try (FakePlatform github = fakeGitHub(501);
        BridgeServer server = start(github, ApprovalRule.NONE)) {
      WebhookClient hooks = new WebhookClient(server.port());
      int port = server.port();
      assertThat(hooks.get("/api/diagnoses/abc", ADMIN_KEY).statusCode()).isEqualTo(400);
      assertThat(hooks.get("/api/diagnoses/0", ADMIN_KEY).statusCode()).isEqualTo(400);
      assertThat(hooks.get("/api/diagnoses/99", ADMIN_KEY).statusCode()).isEqualTo(404);
      assertThat(hooks.get("/api/diagnoses?category=weather", ADMIN_KEY).body())
          .contains("unknown category");
      assertThat(hooks.get("/api/diagnoses?pipeline_id=nowhere", ADMIN_KEY).statusCode())
          .isEqualTo(400);
      assertThat(hooks.get("/api/repairs?state=sleeping", ADMIN_KEY).statusCode()).isEqualTo(400);
      assertThat(hooks.get("/api/repairs?limit=101", ADMIN_KEY).statusCode()).isEqualTo(400);
      assertThat(hooks.get("/api/diagnoses", null).statusCode()).isEqualTo(401);
      assertThat(post(hooks, port, "/api/feedback", "{\"diagnosis_id\":1,\"x\":1}").body())
          .contains("unknown field 'x'");
      assertThat(
              post(hooks, port, "/api/feedback", "{\"diagnosis_id\":1,\"category\":\"rain\"}")
                  .statusCode())
          .isEqualTo(400);
      assertThat(
              post(
                      hooks,
                      port,
                      "/api/feedback",
                      "{\"diagnosis_id\":1,\"category\":\"network\",\"comment\":\""
                          + "x".repeat(2001)
                          + "\"}")
                  .body())
          .contains("at most 2000");
      assertThat(post(hooks, port, "/api/feedback", "[1]").statusCode()).isEqualTo(400);
      assertThat(
              post(hooks, port, "/api/feedback", "{\"comment\":\"" + "y".repeat(70_000) + "\"}")
                  .statusCode())
          .isEqualTo(413);
      assertThat(
              post(hooks, port, "/api/feedback", "{\"diagnosis_id\":42,\"category\":\"network\"}")
                  .statusCode())
          .isEqualTo(404);
      byte[] ping = "{\"zen\":\"hi\",\"hook_id\":1}".getBytes(StandardCharsets.UTF_8);
      hooks.github("ping", "ping-1", ping);
      HttpResponse<String> forged =
          hooks.send(
              hooks
                  .post("github")
                  .header("X-GitHub-Event", "ping")
                  .header("X-GitHub-Delivery", "forged-1")
                  .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(ping)));
      assertThat(forged.statusCode()).isEqualTo(401);
      assertThat(hooks.get("/metrics", ADMIN_KEY).body())
          .contains("pipeline_guard_webhook_requests_total{outcome=\"ping\"} 1.0")
          .contains(
              "pipeline_guard_webhook_requests_total{outcome=\"rejected.bad_credentials\"} 1.0")
          .contains("pipeline_guard_webhook_requests_total{outcome=\"accepted\"} 0.0");
    }
  }

  @Test
  void heldRepairRunsOnceWhenApprovedTwiceAtOnce() throws Exception {
    try (FakePlatform github = fakeGitHub(501);
        BridgeServer server = start(github, ApprovalRule.ALL)) {
      WebhookClient hooks = new WebhookClient(server.port());
      failJob(server, hooks, 501, 1);
      assertThat(github.count("POST /repos/octo/app/actions/jobs/501/rerun")).isZero();
      JsonNode held = getJson(hooks, "/api/repairs?state=held").get("items");
      assertThat(held.size()).isEqualTo(1);
      assertThat(held.get(0).get("reason").asText()).startsWith("Held for approval");
      long id = held.get(0).get("id").asLong();

      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Integer>> answers = new ArrayList<>();
      Callable<Integer> approve =
          () -> post(hooks, server.port(), "/api/repairs/" + id + "/approve", "").statusCode();
      answers.add(pool.submit(approve));
      answers.add(pool.submit(approve));
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        codes.add(answer.get());
      }
      pool.shutdown();
      assertThat(codes).containsExactlyInAnyOrder(202, 409);
      assertThat(github.count("POST /repos/octo/app/actions/jobs/501/rerun")).isEqualTo(1);
      JsonNode repair = getJson(hooks, "/api/repairs").get("items").get(0);
      assertThat(repair.get("state").asText()).isEqualTo("running");
      assertThat(repair.get("approved_at").isNull()).isFalse();
      assertThat(post(hooks, server.port(), "/api/repairs/77/approve", "").statusCode())
          .isEqualTo(404);
      assertThat(hooks.get("/metrics", ADMIN_KEY).body())
          .contains("pipeline_guard_deliveries_total{platform=\"github\",status=\"processed\"} 1");
    }
  }

  @Test
  void openApiDescribesEveryRoute() throws Exception {
    try (FakePlatform github = fakeGitHub(501);
        BridgeServer server = start(github, ApprovalRule.NONE)) {
      HttpResponse<String> response =
          new WebhookClient(server.port()).get("/api/openapi.json", null);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode doc = JSON.readTree(response.body());
      assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
      for (ApiRoute route : server.routes()) {
        JsonNode op =
            doc.get("paths")
                .get(OpenApiDocument.openApiPath(route.path()))
                .get(route.method().name().toLowerCase(java.util.Locale.ROOT));
        assertThat(op).as(route.method() + " " + route.path()).isNotNull();
        assertThat(op.get("summary").asText()).isEqualTo(route.summary());
        if (route.isPublic()) {
          assertThat(op.has("security")).isFalse();
        } else {
          assertThat(op.get("x-permission").asText()).isEqualTo(route.permission().value());
          assertThat(op.get("security").get(0).has("ApiKeyAuth")).isTrue();
        }
      }
      assertThat(doc.at("/paths/~1api~1diagnoses~1{id}/get/parameters/0/name").asText())
          .isEqualTo("id");
      assertThat(doc.at("/paths/~1api~1repairs/get/parameters").toString())
          .contains("\"limit\"", "\"cursor\"", "\"state\"");
      assertThat(doc.at("/components/securitySchemes/ApiKeyAuth/name").asText())
          .isEqualTo("X-API-Key");
    }
  }
}
