package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.Version;
import io.pipelineguard.bridge.config.BridgeConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeServerTest {
  private final HttpClient client = HttpClient.newHttpClient();
  @TempDir Path dataDir;

  @Test
  void healthAnswersUpWithTheVersion() throws Exception {
    try (BridgeServer server = startOnFreePort()) {
      HttpResponse<String> response = get(server, "/health");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      assertThat(response.body())
          .isEqualTo(
              "{\"status\":\"UP\",\"version\":\"" + Version.current() + "\",\"store\":\"UP\"}");
    }
  }

  @Test
  void unknownPathIsAJson404() throws Exception {
    try (BridgeServer server = startOnFreePort()) {
      HttpResponse<String> response = get(server, "/no/such/thing");

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("\"error\":\"not found\"");
    }
  }

  @Test
  void stopReleasesThePortAndIsIdempotent() throws Exception {
    BridgeServer server = startOnFreePort();
    int port = server.port();

    server.stop();
    server.stop();

    try (BridgeServer again =
        new BridgeServer(
                BridgeConfig.builder().host("127.0.0.1").port(port).dataDir(dataDir).build())
            .start()) {
      assertThat(get(again, "/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void versionIsFilteredFromTheBuild() {
    assertThat(Version.current()).doesNotStartWith("${").isNotEqualTo("unknown");
  }

  private BridgeServer startOnFreePort() {
    return new BridgeServer(
            BridgeConfig.builder().host("127.0.0.1").port(0).dataDir(dataDir).build())
        .start();
  }

  private HttpResponse<String> get(BridgeServer server, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
