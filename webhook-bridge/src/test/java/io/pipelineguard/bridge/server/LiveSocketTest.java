package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSocketTest {
  @TempDir Path dataDir;
  private BridgeServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server = new BridgeServer(WebhookClient.config(dataDir).build()).start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  /** Collects whole text messages. */
  private static final class Frames implements WebSocket.Listener {
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    String next() throws InterruptedException {
      String frame = received.poll(20, TimeUnit.SECONDS);
      assertThat(frame).as("a frame within 20 s").isNotNull();
      return frame;
    }
  }

  private WebSocket connect(Frames frames, String key) throws Exception {
    return connect(frames, key, null);
  }

  private WebSocket connect(Frames frames, String key, String origin) throws Exception {
    WebSocket.Builder builder = http.newWebSocketBuilder();
    if (origin != null) {
      builder.header("Origin", origin);
    }
    if (key != null) {
      builder.header("X-API-Key", key);
    }
    return builder
        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), frames)
        .get(20, TimeUnit.SECONDS);
  }

  @Test
  void sends_system_status_on_connect_then_published_events() throws Exception {
    Frames frames = new Frames();
    WebSocket socket = connect(frames, WebhookClient.ADMIN_KEY);

    assertThat(frames.next())
        .startsWith("{\"type\":\"system_status\",\"data\":{\"version\":")
        .contains("\"deliveries\":{\"pending\":0");
    WebhookClient.await("client joined", () -> server.liveEvents().clientCount() == 1);
    server.liveEvents().publish("alerts_update", Map.of("active", List.of()));
    assertThat(frames.next()).isEqualTo("{\"type\":\"alerts_update\",\"data\":{\"active\":[]}}");

    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(20, TimeUnit.SECONDS);
    WebhookClient.await("client left", () -> server.liveEvents().clientCount() == 0);
  }

  @Test
  void a_recorded_run_is_pushed_as_a_pipeline_update() throws Exception {
    Frames frames = new Frames();
    WebSocket socket = connect(frames, WebhookClient.ADMIN_KEY);
    assertThat(frames.next()).contains("system_status");
    WebhookClient.await("client joined", () -> server.liveEvents().clientCount() == 1);

    new WebhookClient(server.port())
        .github("workflow_run", "r-1", WebhookClient.fixture("github-workflow_run-completed.json"));

    assertThat(frames.next())
        .startsWith("{\"type\":\"pipeline_update\",\"data\":{\"id\":\"github:")
        .contains("\"last_status\":\"success\"");
    socket.abort();
  }

  @Test
  void upgrade_without_a_key_is_refused_with_401() {
    assertThatThrownBy(() -> connect(new Frames(), null))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(401));
    assertThat(server.liveEvents().clientCount()).isZero();
  }

  @Test
  void upgrade_from_another_site_is_refused_with_403_even_with_a_key() {
    assertThatThrownBy(() -> connect(new Frames(), WebhookClient.ADMIN_KEY, "http://evil.example"))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                    .isEqualTo(403));
  }
}
