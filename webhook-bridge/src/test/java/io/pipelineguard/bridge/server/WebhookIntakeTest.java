package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.DeliveryStatus;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.RunStore;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end over HTTP against the real server on port 0 with the embedded store. */
class WebhookIntakeTest {
  @TempDir Path dataDir;

  private final List<FailedJob> processed = new CopyOnWriteArrayList<>();
  private BridgeServer server;
  private WebhookClient client;

  @BeforeEach
  void start() {
    server =
        new BridgeServer(
                WebhookClient.config(dataDir).maxBodyBytes(64 * 1024).build(),
                Clock.systemUTC(),
                runs -> processed::add)
            .start();
    client = new WebhookClient(server.port());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private long stored() {
    return server.deliveryStore().countByStatus().values().stream()
        .mapToLong(Long::longValue)
        .sum();
  }

  private long processedCount() throws InterruptedException {
    WebhookClient.await(
        "all deliveries processed",
        () -> server.deliveryStore().countByStatus().get(DeliveryStatus.PROCESSED) == stored());
    return server.deliveryStore().countByStatus().get(DeliveryStatus.PROCESSED);
  }

  @Test
  void github_failed_workflow_job_is_stored_and_handed_to_the_processor_once() throws Exception {
    HttpResponse<String> response =
        client.github("workflow_job", "d-1", fixture("github-workflow_job-failure.json"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).contains("\"status\":\"accepted\"");
    assertThat(processedCount()).isEqualTo(1);
    assertThat(processed).hasSize(1);
    FailedJob job = processed.get(0);
    assertThat(job.jobKey()).isEqualTo("Codertocat/Hello-World/jobs/289782451");
    assertThat(job.jobName()).isEqualTo("linters");
    assertThat(job.conclusion()).isEqualTo("failure");
    assertThat(job.branch()).isEqualTo("main");
  }

  @Test
  void every_platform_sample_is_accepted_with_correct_credentials_and_stored() throws Exception {
    assertThat(
            client
                .github("workflow_run", "r-1", fixture("github-workflow_run-completed.json"))
                .statusCode())
        .isEqualTo(202);
    assertThat(
            client
                .github("check_run", "c-1", fixture("github-check_run-failure.json"))
                .statusCode())
        .isEqualTo(202);
    assertThat(client.gitlab("u-1", fixture("gitlab-pipeline.json")).statusCode()).isEqualTo(202);
    assertThat(client.gitlab("u-2", fixture("gitlab-build.json")).statusCode()).isEqualTo(202);
    assertThat(client.gitlab("u-3", fixture("gitlab-job.json")).statusCode()).isEqualTo(202);
    assertThat(client.azure(fixture("azure-build.complete.json")).statusCode()).isEqualTo(202);
    assertThat(client.jenkins(fixture("jenkins-failure.json")).statusCode()).isEqualTo(202);

    assertThat(processedCount()).isEqualTo(7);
    assertThat(server.deliveryStore().countByStatus().get(DeliveryStatus.FAILED)).isZero();
    // workflow_run, GitLab pipeline, Azure build and Jenkins build each record a run.
    assertThat(server.runStore().page(null, 100).items())
        .extracting(r -> r.platform().wireName())
        .containsExactlyInAnyOrder("github", "gitlab", "azure", "jenkins");
    // Only the Jenkins build failed among these (the check_run failure is GitHub Actions').
    assertThat(processed).extracting(FailedJob::pipeline).containsExactly("payments-api");
  }

  @Test
  void azure_body_with_byte_order_mark_is_accepted_and_parsed() throws Exception {
    byte[] body = fixture("azure-build.complete.json");
    assertThat(body[0] & 0xFF).isEqualTo(0xEF);

    assertThat(client.azure(body).statusCode()).isEqualTo(202);

    processedCount();
    assertThat(server.runStore().page(null, 10).items().get(0).pipeline())
        .isEqualTo("ConsumerAddressModule");
    assertThat(server.runStore().page(null, 10).items().get(0).branch())
        .isEqualTo("refs/heads/master");
  }

  @Test
  void forged_signature_is_401_and_nothing_is_stored() {
    byte[] body = fixture("github-workflow_job-failure.json");
    HttpResponse<String> response =
        client.send(
            client
                .post("github")
                .header("X-GitHub-Event", "workflow_job")
                .header("X-GitHub-Delivery", "forged")
                .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("does not match");
    assertThat(stored()).isZero();
    assertThat(server.metrics().count("rejected.bad_credentials")).isEqualTo(1);
  }

  @Test
  void unsigned_and_wrong_token_requests_are_401_on_every_platform() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    for (String platform : List.of("github", "gitlab", "azure", "jenkins")) {
      HttpResponse<String> response =
          client.send(client.post(platform).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
      assertThat(response.statusCode()).as(platform).isEqualTo(401);
    }
    HttpResponse<String> wrongAzure =
        client.send(
            client
                .post("azure")
                .header("Authorization", WebhookClient.basic("azure-hook", "nope"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(wrongAzure.statusCode()).isEqualTo(401);
    assertThat(stored()).isZero();
  }

  @Test
  void redelivered_webhook_is_stored_and_processed_once() throws Exception {
    byte[] body = fixture("github-workflow_job-failure.json");

    HttpResponse<String> first = client.github("workflow_job", "same-id", body);
    HttpResponse<String> second = client.github("workflow_job", "same-id", body);
    HttpResponse<String> third = client.github("workflow_job", "same-id", body);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("\"status\":\"duplicate\"");
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(processedCount()).isEqualTo(1);
    assertThat(processed).hasSize(1);
  }

  @Test
  void ping_is_answered_and_unhandled_events_are_ignored_without_storing() {
    HttpResponse<String> ping = client.github("ping", "p-1", fixture("github-ping.json"));
    HttpResponse<String> push = client.github("push", "p-2", fixture("github-push.json"));

    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(ping.body()).contains("pong");
    assertThat(push.statusCode()).isEqualTo(202);
    assertThat(push.body()).contains("ignored");
    assertThat(stored()).isZero();
  }

  @Test
  void malformed_json_is_400_not_500() {
    HttpResponse<String> response =
        client.github(
            "workflow_job", "m-1", "{\"workflow_job\": [1, 2".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> wrongShape =
        client.github(
            "workflow_job", "m-2", "{\"repository\": {}}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("not valid JSON");
    assertThat(wrongShape.statusCode()).isEqualTo(400);
    assertThat(stored()).isZero();
  }

  @Test
  void unknown_platform_is_400() {
    HttpResponse<String> response =
        client.send(client.post("travis").POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(server.metrics().count("rejected.unknown_platform")).isEqualTo(1);
  }

  @Test
  void oversized_bodies_are_413_with_content_length_and_chunked() {
    byte[] big = new byte[70 * 1024];
    java.util.Arrays.fill(big, (byte) ' ');

    HttpResponse<String> sized = client.github("workflow_job", "big-1", big);
    HttpResponse<String> chunked =
        client.send(
            client
                .post("github")
                .header("X-GitHub-Event", "workflow_job")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

    assertThat(sized.statusCode()).isEqualTo(413);
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(stored()).isZero();
  }

  @Test
  void platform_without_a_secret_refuses_with_a_configuration_hint(@TempDir Path other) {
    try (BridgeServer bare =
        new BridgeServer(
                WebhookClient.config(other).githubSecret(Secret.empty()).build(),
                Clock.systemUTC(),
                null)
            .start()) {
      HttpResponse<String> response =
          new WebhookClient(bare.port())
              .github("workflow_job", "x", fixture("github-workflow_job-failure.json"));

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("GITHUB_WEBHOOK_SECRET");
    }
  }

  @Test
  void default_processor_records_the_failed_job_as_pending_diagnosis(@TempDir Path other)
      throws Exception {
    try (BridgeServer real =
        new BridgeServer(WebhookClient.config(other).build(), Clock.systemUTC(), null).start()) {
      WebhookClient c = new WebhookClient(real.port());
      c.jenkins(fixture("jenkins-failure.json"));
      byte[] finalized =
          new String(fixture("jenkins-failure.json"), StandardCharsets.UTF_8)
              .replace("COMPLETED", "FINALIZED")
              .getBytes(StandardCharsets.UTF_8);
      assertThat(c.jenkins(finalized).statusCode()).isEqualTo(202);

      WebhookClient.await(
          "both phases processed",
          () -> real.deliveryStore().countByStatus().get(DeliveryStatus.PROCESSED) == 2);
      assertThat(real.runStore().countJobs(RunStore.PENDING_DIAGNOSIS)).isEqualTo(1);
    }
  }
}
