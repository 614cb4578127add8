package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.bridge.config.BridgeConfig;
import io.pipelineguard.bridge.config.ConfigException;
import io.pipelineguard.bridge.config.ConfigLoader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipelines listed in the configuration file are registered at start, checked like the API's. */
class ConfiguredPipelinesTest {
  @TempDir Path dir;

  private BridgeConfig load(String yaml) throws Exception {
    Path file = dir.resolve("pipeline-guard.yaml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    BridgeConfig loaded = new ConfigLoader(Map.of()).load(file);
    return WebhookClient.config(dir.resolve("data")).pipelines(loaded.pipelines()).build();
  }

  @Test
  void aConfiguredPipelineIsRegisteredWithItsRepairSettings() throws Exception {
    BridgeConfig config =
        load(
            "pipelines:\n"
                + "  - id: \"github:acme/shop / Deploy\"\n"
                + "    deploys: true\n"
                + "    rollback_target: rollback.yml\n"
                + "    critical: true\n"
                + "    expected_duration: 300\n");

    try (BridgeServer server = new BridgeServer(config, Clock.systemUTC(), null).start()) {
      HttpResponse<String> pipeline =
          new ApiCaller(server.port())
              .get(
                  "/api/pipelines/"
                      + URLEncoder.encode("github:acme/shop / Deploy", StandardCharsets.UTF_8)
                          .replace("+", "%20"),
                  WebhookClient.ADMIN_KEY);

      assertThat(pipeline.statusCode()).isEqualTo(200);
      assertThat(pipeline.body())
          .contains("\"rollback_target\":\"rollback.yml\"")
          .contains("\"deploys\":true")
          .contains("\"critical\":true");
    }
  }

  @Test
  void aBadEntryStopsTheStartNamingIt() throws Exception {
    BridgeConfig config =
        load("pipelines:\n  - id: \"github:ok / CI\"\n  - id: \"github:x\"\n    deploys: maybe\n");

    assertThatThrownBy(() -> new BridgeServer(config, Clock.systemUTC(), null))
        .isInstanceOf(ConfigException.class)
        .hasMessage("pipelines[1]: deploys must be true or false");
    assertThatThrownBy(() -> load("pipelines:\n  id: github:x\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'pipelines' must be a list");
    assertThatThrownBy(() -> load("pipelines:\n  - github:x\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pipelines[0] must be a mapping");
  }
}
