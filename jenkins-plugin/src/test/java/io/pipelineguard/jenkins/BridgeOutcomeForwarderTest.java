package io.pipelineguard.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.repair.RepairStrategy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BridgeOutcomeForwarderTest {
  private HttpServer bridge;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile int status = 201;

  @BeforeEach
  void startBridge() throws Exception {
    bridge = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bridge.createContext(
        "/api/outcomes",
        exchange -> {
          received.add(
              exchange.getRequestHeaders().getFirst("X-API-Key")
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    bridge.start();
  }

  @AfterEach
  void stopBridge() {
    bridge.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + bridge.getAddress().getPort() + "/";
  }

  private static RepairOutcome outcome(boolean succeeded) {
    return new RepairOutcome(
        "shop/\"main\"", "sig-1", Category.NETWORK, GuardDecision.Action.RETRY, 2, succeeded);
  }

  @Test
  void outcomesReachTheBridgeWithTheKeyAndRefusalsAreCounted() throws Exception {
    BridgeOutcomeForwarder forwarder = new BridgeOutcomeForwarder(this::url, () -> "pg_key");

    assertThat(forwarder.forward(outcome(true), RepairStrategy.RETRY_WITH_BACKOFF)).isTrue();
    awaitCount(() -> forwarder.sent(), 1);
    status = 403;
    forwarder.forward(outcome(false), RepairStrategy.CLEAN_RETRY);
    awaitCount(() -> forwarder.dropped(), 1);

    assertThat(received.get(0))
        .isEqualTo(
            "pg_key {\"platform\":\"jenkins\",\"pipeline\":\"shop/\\\"main\\\"\",\"job\":\"guard\","
                + "\"signature\":\"sig-1\",\"category\":\"network\","
                + "\"strategy\":\"retry_with_backoff\",\"attempt\":2,\"succeeded\":true}");
    assertThat(received).hasSize(2);
    assertThat(received.get(1)).contains("\"strategy\":\"clean_retry\"");
  }

  @Test
  void nothingIsSentWithoutAUrlOrKeyAndAnUnreachableBridgeOnlyCounts() throws Exception {
    BridgeOutcomeForwarder noKey = new BridgeOutcomeForwarder(this::url, () -> " ");
    BridgeOutcomeForwarder gone = new BridgeOutcomeForwarder(() -> "http://127.0.0.1:1", () -> "k");

    assertThat(noKey.forward(outcome(true), RepairStrategy.RETRY_JOB)).isFalse();
    assertThat(gone.forward(outcome(true), RepairStrategy.RETRY_JOB)).isTrue();
    awaitCount(() -> gone.dropped(), 1);

    assertThat(received).isEmpty();
    assertThat(gone.sent()).isZero();
  }

  private static void awaitCount(java.util.function.LongSupplier count, long expected)
      throws InterruptedException {
    for (int i = 0; i < 500 && count.getAsLong() < expected; i++) {
      Thread.sleep(20);
    }
    assertThat(count.getAsLong()).isEqualTo(expected);
  }
}
