package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.DeliveryStatus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminApiTest {
  @TempDir Path dataDir;

  @Test
  void api_requires_the_admin_key_and_pages_newest_first() throws Exception {
    try (BridgeServer server =
        new BridgeServer(WebhookClient.config(dataDir).build(), Clock.systemUTC(), null).start()) {
      WebhookClient client = new WebhookClient(server.port());
      for (int i = 0; i < 3; i++) {
        String body =
            new String(fixture("jenkins-failure.json"), StandardCharsets.UTF_8)
                .replace("\"number\":42", "\"number\":" + (100 + i));
        client.jenkins(body.getBytes(StandardCharsets.UTF_8));
      }
      WebhookClient.await(
          "processed",
          () -> server.deliveryStore().countByStatus().get(DeliveryStatus.PROCESSED) == 3);

      HttpResponse<String> noKey = client.get("/api/deliveries", null);
      HttpResponse<String> wrongKey = client.get("/api/deliveries", "nope");
      HttpResponse<String> page1 = client.get("/api/deliveries?limit=2", WebhookClient.ADMIN_KEY);
      String cursor = page1.body().replaceAll(".*\"next_cursor\":\"(\\d+)\".*", "$1");
      HttpResponse<String> page2 =
          client.get("/api/deliveries?limit=2&cursor=" + cursor, WebhookClient.ADMIN_KEY);
      HttpResponse<String> runs = client.get("/api/runs", WebhookClient.ADMIN_KEY);
      HttpResponse<String> badLimit = client.get("/api/runs?limit=101", WebhookClient.ADMIN_KEY);
      HttpResponse<String> badCursor = client.get("/api/runs?cursor=abc", WebhookClient.ADMIN_KEY);
      HttpResponse<String> metrics = client.get("/api/metrics/intake", WebhookClient.ADMIN_KEY);

      assertThat(noKey.statusCode()).isEqualTo(401);
      assertThat(wrongKey.statusCode()).isEqualTo(401);
      assertThat(page1.statusCode()).isEqualTo(200);
      assertThat(page1.body()).contains("#102#COMPLETED").contains("#101#COMPLETED");
      assertThat(page1.body()).doesNotContain("#100#");
      assertThat(page2.body()).contains("#100#COMPLETED").contains("\"next_cursor\":null");
      assertThat(runs.body()).contains("\"pipeline\":\"payments-api\"");
      assertThat(badLimit.statusCode()).isEqualTo(400);
      assertThat(badLimit.body()).contains("limit must be an integer from 1 to 100");
      assertThat(badCursor.statusCode()).isEqualTo(400);
      assertThat(metrics.body()).contains("\"accepted\":3");
    }
  }

  @Test
  void api_without_a_configured_key_is_503_with_a_hint() {
    try (BridgeServer server =
        new BridgeServer(
                WebhookClient.config(dataDir).adminKey(Secret.empty()).build(),
                Clock.systemUTC(),
                null)
            .start()) {
      HttpResponse<String> response = new WebhookClient(server.port()).get("/api/runs", "anything");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("PIPELINE_GUARD_ADMIN_KEY");
    }
  }
}
