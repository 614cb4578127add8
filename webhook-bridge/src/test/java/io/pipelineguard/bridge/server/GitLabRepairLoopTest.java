package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.config.PlatformApi;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.DeliveryStatus;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RepairStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repair loop on GitLab, with the real gitlab4j client against a local stand-in. */
class GitLabRepairLoopTest {
  private static final String TRACE =
      "$ ./gradlew test\n"
          + "Downloading https://repo.example.org/dist/gradle-8.10-bin.zip\n"
          + "Exception in thread \"main\" java.net.UnknownHostException: repo.example.org\n"
          + "curl: (6) Could not resolve host: repo.example.org\n"
          + "ERROR: Job failed: exit code 1\n";

  @TempDir Path dataDir;

  private static byte[] jobEvent(long id, int retries, String status) {
    return ("{\"object_kind\":\"build\",\"build_id\":"
            + id
            + ",\"build_name\":\"test\",\"build_status\":\""
            + status
            + "\",\"build_failure_reason\":\"script_failure\",\"project_id\":9,"
            + "\"pipeline_id\":55,\"retries_count\":"
            + retries
            + ",\"sha\":\"def456\",\"ref\":\"main\",\"project_name\":\"group / app\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void failedJobIsRetriedOnceAndTheRetrySettlesTheRepair() throws Exception {
    try (FakePlatform gitlab = new FakePlatform()) {
      gitlab
          .text("GET /api/v4/projects/9/jobs/301/trace", TRACE)
          .json(
              "POST /api/v4/projects/9/jobs/301/retry",
              "{\"id\":302,\"name\":\"test\",\"status\":\"pending\"}");
      try (BridgeServer server =
          new BridgeServer(
                  WebhookClient.config(dataDir)
                      .platformApi(
                          Platform.GITLAB, new PlatformApi(gitlab.url(), "", Secret.of("gl-token")))
                      .maxRetryDelaySeconds(0)
                      .build(),
                  Clock.systemUTC(),
                  null)
              .start()) {
        WebhookClient hooks = new WebhookClient(server.port());
        RepairStore repairs = new RepairStore(server.dataSource());

        hooks.gitlab("u-1", jobEvent(301, 0, "failed"));
        hooks.gitlab("u-2", jobEvent(301, 0, "failed"));
        await("two deliveries processed", () -> processed(server) >= 2);
        assertThat(gitlab.count("POST /api/v4/projects/9/jobs/301/retry")).isEqualTo(1);
        assertThat(repairs.countRepairs("RUNNING")).isEqualTo(1);

        hooks.gitlab("u-3", jobEvent(302, 1, "success"));
        await("three deliveries processed", () -> processed(server) >= 3);
        assertThat(repairs.countRepairs("SUCCEEDED")).isEqualTo(1);
      }
    }
  }

  private static long processed(BridgeServer server) {
    return server.deliveryStore().countByStatus().getOrDefault(DeliveryStatus.PROCESSED, 0L);
  }
}
