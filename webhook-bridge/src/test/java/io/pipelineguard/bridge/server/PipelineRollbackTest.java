package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.config.PlatformApi;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RepairStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline registered as deploying, with a rollback target, is rolled back when reruns do not fix
 * its failed deployment: the real kohsuke client re-runs the job, then dispatches the rollback
 * workflow, on a local stand-in for GitHub.
 */
class PipelineRollbackTest {
  private static final String REPO =
      "{\"id\":1,\"name\":\"app\",\"full_name\":\"octo/app\",\"owner\":{\"login\":\"octo\","
          + "\"id\":7,\"type\":\"User\"}}";
  private static final String WORKFLOW =
      "{\"id\":42,\"name\":\"Roll back\",\"path\":\".github/workflows/rollback.yml\","
          + "\"state\":\"active\"}";
  private static final String FAILED_DEPLOY =
      "+ kubectl apply -f k8s/web.yaml\n"
          + "deployment.apps/web configured\n"
          + "+ kubectl rollout status deployment/web --timeout=120s\n"
          + "Waiting for deployment \"web\" rollout to finish: 1 of 3 updated replicas are"
          + " available...\n"
          + "error: deployment \"web\" exceeded its progress deadline\n"
          + "Error: Process completed with exit code 1.\n";

  @TempDir Path dataDir;

  private static byte[] deployJobFailed(long id, int attempt) {
    return ("{\"action\":\"completed\",\"workflow_job\":{\"id\":"
            + id
            + ",\"run_id\":88,\"run_attempt\":"
            + attempt
            + ",\"workflow_name\":\"Deploy\",\"name\":\"deploy\","
            + "\"status\":\"completed\",\"conclusion\":\"failure\",\"head_sha\":\"def456\","
            + "\"head_branch\":\"main\"},\"repository\":{\"full_name\":\"octo/app\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDeploymentThatRerunsDoNotFixIsRolledBack() throws Exception {
    try (FakePlatform github = new FakePlatform()) {
      github.json("GET /repos/octo/app", REPO);
      for (int job = 701; job <= 703; job++) {
        github
            .json("GET /repos/octo/app/actions/jobs/" + job, "{\"id\":" + job + ",\"run_id\":88}")
            .text("GET /repos/octo/app/actions/jobs/" + job + "/logs", FAILED_DEPLOY)
            .json("POST /repos/octo/app/actions/jobs/" + job + "/rerun", "{}");
      }
      github
          .json("GET /repos/octo/app/actions/workflows/rollback.yml", WORKFLOW)
          .text("POST /repos/octo/app/actions/workflows/42/dispatches", "");
      try (BridgeServer server =
          new BridgeServer(
                  WebhookClient.config(dataDir)
                      .platformApi(
                          Platform.GITHUB, new PlatformApi(github.url(), "", Secret.of("t")))
                      .maxRetryDelaySeconds(0)
                      .build(),
                  Clock.systemUTC(),
                  null)
              .start()) {
        ApiCaller api = new ApiCaller(server.port());
        HttpResponse<String> registered =
            api.call(
                "POST",
                "/api/pipelines",
                WebhookClient.ADMIN_KEY,
                null,
                "{\"id\":\"github:octo/app / Deploy\",\"deploys\":true,"
                    + "\"rollback_target\":\"rollback.yml\",\"critical\":true}");
        WebhookClient hooks = new WebhookClient(server.port());
        RepairStore repairs = new RepairStore(server.dataSource());

        hooks.github("workflow_job", "d-1", deployJobFailed(701, 1));
        await(
            "first rerun", () -> github.count("POST /repos/octo/app/actions/jobs/701/rerun") == 1);
        hooks.github("workflow_job", "d-2", deployJobFailed(702, 2));
        await(
            "second rerun", () -> github.count("POST /repos/octo/app/actions/jobs/702/rerun") == 1);
        hooks.github("workflow_job", "d-3", deployJobFailed(703, 3));
        await(
            "rollback dispatched",
            () -> github.count("POST /repos/octo/app/actions/workflows/42/dispatches") == 1);

        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.body()).contains("\"rollback_target\":\"rollback.yml\"");
        assertThat(github.count("POST /repos/octo/app/actions/jobs/703/rerun")).isZero();
        assertThat(repairs.countRepairs("FAILED")).isEqualTo(2);
      }
    }
  }
}
