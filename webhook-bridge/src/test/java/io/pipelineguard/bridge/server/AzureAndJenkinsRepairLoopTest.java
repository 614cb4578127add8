package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.await;
import static io.pipelineguard.bridge.server.WebhookClient.fixture;
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

/**
 * The repair loop on Azure DevOps and Jenkins: the bridge's own REST clients (JDK HttpClient)
 * against a local stand-in answering the platforms' documented routes.
 */
class AzureAndJenkinsRepairLoopTest {
  private static final String NETWORK_LOG =
      "+ ./gradlew build\n"
          + "Downloading https://repo.example.org/dist/gradle-8.10-bin.zip\n"
          + "Exception in thread \"main\" java.net.UnknownHostException: repo.example.org\n"
          + "curl: (6) Could not resolve host: repo.example.org\n"
          + "ERROR: script returned exit code 1\n";

  private static final String PROJECT = "71777fbc-1cf2-4bd1-9540-128c1c71f766";

  @TempDir Path dataDir;

  private static byte[] azureBuild(String id, String result) {
    return new String(fixture("azure-build.complete.json"), StandardCharsets.UTF_8)
        .replace("4a5d99d6-1c75-4e53-91b9-ee80057d4ce3", id)
        .replace("\"status\": \"succeeded\"", "\"status\": \"" + result + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] jenkinsBuild(int number, String status) {
    return new String(fixture("jenkins-failure.json"), StandardCharsets.UTF_8)
        .replace("42", Integer.toString(number))
        .replace("FAILURE", status)
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void azureBuildIsRetriedThroughTheRestApiAndTheNextResultSettlesIt() throws Exception {
    try (FakePlatform azure = new FakePlatform()) {
      String build = "/org/" + PROJECT + "/_apis/build/builds/2";
      azure
          .json("GET " + build + "/logs", "{\"count\":2,\"value\":[{\"id\":1},{\"id\":4}]}")
          .text("GET " + build + "/logs/1", "Starting: Initialize job\n")
          .text("GET " + build + "/logs/4", NETWORK_LOG)
          .json("PATCH " + build, "{\"id\":2,\"status\":\"notStarted\"}");
      try (BridgeServer server =
          start(Platform.AZURE_DEVOPS, new PlatformApi(azure.url() + "/org", "", pat()))) {
        WebhookClient hooks = new WebhookClient(server.port());
        RepairStore repairs = new RepairStore(server.dataSource());

        assertThat(hooks.azure(azureBuild("e-1", "failed")).statusCode()).isEqualTo(202);
        await("failure processed", () -> processed(server) >= 1);
        assertThat(azure.count("PATCH " + build)).isEqualTo(1);
        assertThat(azure.calls()).contains("GET " + build + "/logs/4");
        assertThat(repairs.countRepairs("RUNNING")).isEqualTo(1);

        hooks.azure(azureBuild("e-2", "succeeded"));
        await("success processed", () -> processed(server) >= 2);
        assertThat(repairs.countRepairs("SUCCEEDED")).isEqualTo(1);
        assertThat(azure.count("PATCH " + build)).isEqualTo(1);
      }
    }
  }

  @Test
  void jenkinsJobIsRebuiltOnceAndTheNextBuildSettlesIt() throws Exception {
    try (FakePlatform jenkins = new FakePlatform()) {
      jenkins
          .text("GET /job/payments-api/42/consoleText", NETWORK_LOG)
          .json(
              "GET /crumbIssuer/api/json",
              "{\"crumb\":\"c0ffee\",\"crumbRequestField\":\"Jenkins-Crumb\"}")
          .text("POST /job/payments-api/build", "");
      try (BridgeServer server =
          start(Platform.JENKINS, new PlatformApi(jenkins.url(), "guard", pat()))) {
        WebhookClient hooks = new WebhookClient(server.port());
        RepairStore repairs = new RepairStore(server.dataSource());

        hooks.jenkins(jenkinsBuild(42, "FAILURE"));
        hooks.jenkins(jenkinsBuild(42, "FAILURE")); // the same notification again
        await("failures processed", () -> processed(server) >= 1);
        await("repair running", () -> repairs.countRepairs("RUNNING") == 1);
        assertThat(jenkins.count("POST /job/payments-api/build")).isEqualTo(1);

        hooks.jenkins(jenkinsBuild(43, "SUCCESS"));
        await("rebuild settled", () -> repairs.countRepairs("SUCCEEDED") == 1);
        assertThat(jenkins.count("POST /job/payments-api/build")).isEqualTo(1);
      }
    }
  }

  private BridgeServer start(Platform platform, PlatformApi api) {
    return new BridgeServer(
            WebhookClient.config(dataDir)
                .platformApi(platform, api)
                .maxRetryDelaySeconds(0)
                .build(),
            Clock.systemUTC(),
            null)
        .start();
  }

  private static Secret pat() {
    return Secret.of("platform-token-1");
  }

  private static long processed(BridgeServer server) {
    return server.deliveryStore().countByStatus().getOrDefault(DeliveryStatus.PROCESSED, 0L);
  }
}
