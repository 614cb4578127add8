package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.config.PlatformApi;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.SqlRepairStatsStore;
import io.pipelineguard.repair.RepairStrategy;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outcomes shared by other doors (a Jenkins guard) teach the bridge's planner. */
class OutcomesApiTest {
  private static final String OUTCOME =
      "{\"platform\":\"jenkins\",\"pipeline\":\"shop/main\",\"job\":\"guard\","
          + "\"signature\":\"network/00ff00ff00ff00ff\",\"category\":\"network\","
          + "\"strategy\":\"retry_with_backoff\",\"attempt\":2,\"succeeded\":true}";

  @TempDir Path dataDir;

  @Test
  void aSharedOutcomeIsLearnedAndSaved() throws Exception {
    try (FakePlatform github = new FakePlatform();
        BridgeServer server =
            new BridgeServer(
                    WebhookClient.config(dataDir)
                        .platformApi(
                            Platform.GITHUB, new PlatformApi(github.url(), "", Secret.of("t")))
                        .build(),
                    Clock.systemUTC(),
                    null)
                .start()) {
      ApiCaller api = new ApiCaller(server.port());

      HttpResponse<String> learned =
          api.call("POST", "/api/outcomes", WebhookClient.ADMIN_KEY, null, OUTCOME);
      HttpResponse<String> badStrategy =
          api.call(
              "POST",
              "/api/outcomes",
              WebhookClient.ADMIN_KEY,
              null,
              OUTCOME.replace("retry_with_backoff", "escalate"));
      HttpResponse<String> unknownField =
          api.call(
              "POST",
              "/api/outcomes",
              WebhookClient.ADMIN_KEY,
              null,
              OUTCOME.replace("\"job\"", "\"jobb\""));
      HttpResponse<String> badAttempt =
          api.call(
              "POST",
              "/api/outcomes",
              WebhookClient.ADMIN_KEY,
              null,
              OUTCOME.replace("\"attempt\":2", "\"attempt\":0"));

      assertThat(learned.statusCode()).isEqualTo(201);
      assertThat(learned.body()).contains("\"learned\":true");
      assertThat(badStrategy.statusCode()).isEqualTo(400);
      assertThat(badStrategy.body()).contains("strategy must be one of");
      assertThat(unknownField.statusCode()).isEqualTo(400);
      assertThat(unknownField.body()).contains("unknown field 'jobb'");
      assertThat(badAttempt.statusCode()).isEqualTo(400);
      assertThat(new SqlRepairStatsStore(server.dataSource(), Clock.systemUTC()).load().keySet())
          .anySatisfy(
              key -> {
                assertThat(key.key()).contains("network/00ff00ff00ff00ff");
                assertThat(key.strategy()).isEqualTo(RepairStrategy.RETRY_WITH_BACKOFF);
              });
    }
  }

  @Test
  void withoutARepairLoopOutcomesAreRefusedWithAReason() {
    try (BridgeServer server =
        new BridgeServer(WebhookClient.config(dataDir).build(), Clock.systemUTC(), null).start()) {
      HttpResponse<String> response =
          new ApiCaller(server.port())
              .call("POST", "/api/outcomes", WebhookClient.ADMIN_KEY, null, OUTCOME);

      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(response.body()).contains("configure a platform API");
    }
  }
}
