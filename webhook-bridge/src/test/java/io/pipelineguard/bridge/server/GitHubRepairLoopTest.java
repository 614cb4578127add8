package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.config.PlatformApi;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.repair.RepairingFailureProcessor;
import io.pipelineguard.bridge.store.DeliveryStatus;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RepairStore;
import io.pipelineguard.bridge.store.SqlRepairStatsStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair loop end to end on GitHub, with the real kohsuke client against a local stand-in for
 * the REST API: signed webhook, log download, diagnosis, one re-run, outcome and learning.
 */
class GitHubRepairLoopTest {
  private static final String REPO =
      "{\"id\":1,\"name\":\"app\",\"full_name\":\"octo/app\",\"owner\":{\"login\":\"octo\","
          + "\"id\":7,\"type\":\"User\"}}";
  private static final String DNS_LOG =
      "2026-01-05T10:00:00Z Fetching the dependencies\n"
          + "2026-01-05T10:00:03Z fatal: unable to access 'https://git.example.org/lib.git/':"
          + " Could not resolve host: git.example.org\n"
          + "2026-01-05T10:00:03Z Error: Process completed with exit code 128.\n";
  private static final String COMPILE_LOG =
      "[INFO] Compiling 12 source files to /work/target/classes\n"
          + "[ERROR] /work/src/main/java/app/Cart.java:[40,17] cannot find symbol\n"
          + "[ERROR]   symbol:   method totl()\n"
          + "[ERROR] COMPILATION ERROR\n"
          + "[INFO] BUILD FAILURE\n"
          + "[ERROR] Failed to execute goal"
          + " org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile\n";

  @TempDir Path dataDir;

  private static byte[] jobEvent(long id, int attempt, String conclusion) {
    return ("{\"action\":\"completed\",\"workflow_job\":{\"id\":"
            + id
            + ",\"run_id\":77,\"run_attempt\":"
            + attempt
            + ",\"workflow_name\":\"CI\",\"name\":\"build\",\"status\":\"completed\","
            + "\"conclusion\":\""
            + conclusion
            + "\",\"head_sha\":\"abc123\",\"head_branch\":\"main\"},"
            + "\"repository\":{\"full_name\":\"octo/app\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private BridgeServer start(FakePlatform github) {
    return new BridgeServer(
            WebhookClient.config(dataDir)
                .platformApi(
                    Platform.GITHUB, new PlatformApi(github.url(), "", Secret.of("gh-token")))
                .maxRetryDelaySeconds(0)
                .build(),
            Clock.systemUTC(),
            null)
        .start();
  }

  private static FakePlatform fakeGitHub() throws Exception {
    FakePlatform github = new FakePlatform();
    github
        .json("GET /repos/octo/app", REPO)
        .json("GET /repos/octo/app/actions/jobs/501", "{\"id\":501,\"run_id\":77}")
        .text("GET /repos/octo/app/actions/jobs/501/logs", DNS_LOG)
        .json("POST /repos/octo/app/actions/jobs/501/rerun", "{}")
        .json("GET /repos/octo/app/actions/jobs/601", "{\"id\":601,\"run_id\":77}")
        .text("GET /repos/octo/app/actions/jobs/601/logs", COMPILE_LOG)
        .json("POST /repos/octo/app/actions/jobs/601/rerun", "{}");
    return github;
  }

  private static void awaitProcessed(BridgeServer server, long count) throws Exception {
    await(
        count + " deliveries processed",
        () ->
            server.deliveryStore().countByStatus().getOrDefault(DeliveryStatus.PROCESSED, 0L)
                    + server.deliveryStore().countByStatus().getOrDefault(DeliveryStatus.FAILED, 0L)
                >= count);
    assertThat(server.deliveryStore().countByStatus().getOrDefault(DeliveryStatus.FAILED, 0L))
        .isZero();
  }

  @Test
  void transientFailureIsRerunOnceAndItsSuccessIsLearned() throws Exception {
    try (FakePlatform github = fakeGitHub();
        BridgeServer server = start(github)) {
      WebhookClient hooks = new WebhookClient(server.port());
      RepairStore repairs = new RepairStore(server.dataSource());

      assertThat(hooks.github("workflow_job", "d-1", jobEvent(501, 1, "failure")).statusCode())
          .isEqualTo(202);
      awaitProcessed(server, 1);

      assertThat(github.calls())
          .contains(
              "GET /repos/octo/app/actions/jobs/501/logs",
              "POST /repos/octo/app/actions/jobs/501/rerun");
      assertThat(repairs.countRepairs("RUNNING")).isEqualTo(1);
      assertThat(server.auditLog().page(null, 10).items())
          .anySatisfy(
              event -> {
                assertThat(event.kind()).isEqualTo("repair_executed");
                assertThat(event.detail()).contains("github");
              });

      // The same failure delivered again under another id: processed, but never re-run twice.
      assertThat(hooks.github("workflow_job", "d-2", jobEvent(501, 1, "failure")).statusCode())
          .isEqualTo(202);
      awaitProcessed(server, 2);
      assertThat(github.count("POST /repos/octo/app/actions/jobs/501/rerun")).isEqualTo(1);

      // The re-run (a new job id, attempt 2) passes: the repair succeeded and learning saw it.
      assertThat(hooks.github("workflow_job", "d-3", jobEvent(502, 2, "success")).statusCode())
          .isEqualTo(202);
      awaitProcessed(server, 3);
      assertThat(repairs.countRepairs("SUCCEEDED")).isEqualTo(1);
      assertThat(repairs.countRepairs("RUNNING")).isZero();
      assertThat(new SqlRepairStatsStore(server.dataSource(), Clock.systemUTC()).load())
          .isNotEmpty();
    }
  }

  @Test
  void compileErrorIsEscalatedWithoutARerun() throws Exception {
    try (FakePlatform github = fakeGitHub();
        BridgeServer server = start(github)) {
      WebhookClient hooks = new WebhookClient(server.port());

      assertThat(hooks.github("workflow_job", "d-9", jobEvent(601, 1, "failure")).statusCode())
          .isEqualTo(202);
      awaitProcessed(server, 1);

      assertThat(github.calls()).contains("GET /repos/octo/app/actions/jobs/601/logs");
      assertThat(github.count("POST /repos/octo/app/actions/jobs/601/rerun")).isZero();
      assertThat(
              new RepairStore(server.dataSource())
                  .countRepairs(RepairingFailureProcessor.ESCALATED))
          .isEqualTo(1);
    }
  }
}
