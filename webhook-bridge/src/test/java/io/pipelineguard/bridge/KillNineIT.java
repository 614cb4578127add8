package io.pipelineguard.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar is killed with SIGKILL right after acknowledging a burst of deliveries (one
 * worker thread, so most are still pending); after a restart on the same data directory every
 * acknowledged delivery is there and processed exactly once (one pending-diagnosis job each).
 */
class KillNineIT {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
  private static final int DELIVERIES = 150;
  private static final String TOKEN = "kill-nine-token";
  private static final String ADMIN = "kill-nine-admin";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void acknowledged_deliveries_survive_kill_9_and_are_processed_once() throws Exception {
    Path dataDir = Files.createTempDirectory("pg-kill9");
    byte[] template;
    try (InputStream in = KillNineIT.class.getResourceAsStream("/webhooks/jenkins-failure.json")) {
      template = in.readAllBytes();
    }

    Process first = start(dataDir);
    int acknowledged = 0;
    try {
      int port = awaitPort(first);
      for (int i = 0; i < DELIVERIES; i++) {
        String body =
            new String(template, StandardCharsets.UTF_8)
                .replace("\"number\":42", "\"number\":" + (1000 + i));
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/jenkins"))
                    .header("X-Pipeline-Guard-Token", TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 202) {
          acknowledged++;
        }
      }
    } finally {
      first.destroyForcibly(); // SIGKILL: no shutdown hook runs
      first.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).isEqualTo(DELIVERIES);

    Process second = start(dataDir);
    try {
      int port = awaitPort(second);
      String metrics = "";
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        metrics = get(port, "/api/metrics/intake");
        if (metrics.contains("\"PROCESSED\":" + DELIVERIES)) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(metrics)
          .contains("\"PROCESSED\":" + DELIVERIES)
          .contains("\"PENDING\":0")
          .contains("\"FAILED\":0");
      String runs = get(port, "/api/runs?limit=100");
      assertThat(runs).contains("#1149").contains("#1050");
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private String get(int port, String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-API-Key", ADMIN)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static Process start(Path dataDir) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-jar",
                Path.of("target", "pipeline-guard.jar").toString(),
                "serve",
                "--port",
                "0")
            .redirectErrorStream(true);
    builder.environment().put("PIPELINE_GUARD_DATA_DIR", dataDir.toString());
    builder.environment().put("JENKINS_WEBHOOK_TOKEN", TOKEN);
    builder.environment().put("PIPELINE_GUARD_ADMIN_KEY", ADMIN);
    builder.environment().put("PIPELINE_GUARD_WORKER_THREADS", "1");
    return builder.start();
  }

  private static int awaitPort(Process process) throws InterruptedException {
    List<String> output = new CopyOnWriteArrayList<>();
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  output.add(line);
                }
              } catch (IOException e) {
                output.add("drain stopped: " + e);
              }
            });
    drain.setDaemon(true);
    drain.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (String line : output) {
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.find()) {
          return Integer.parseInt(matcher.group(1));
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no port reported; output:\n" + String.join("\n", output));
  }
}
