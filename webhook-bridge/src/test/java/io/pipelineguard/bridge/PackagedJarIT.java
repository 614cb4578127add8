package io.pipelineguard.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
 * Runs the packaged jar the way the README does ({@code java -jar pipeline-guard.jar serve}), asks
 * {@code /health}, then sends SIGTERM (the shutdown path Ctrl-C also takes) and checks the clean
 * stop.
 */
class PackagedJarIT {
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

  @Test
  void servesHealthAndStopsCleanlyOnSigterm() throws Exception {
    Path jar = Path.of("target", "pipeline-guard.jar");
    assertThat(jar).exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-jar", jar.toString(), "serve", "--port", "0")
            .redirectErrorStream(true);
    builder
        .environment()
        .put("PIPELINE_GUARD_DATA_DIR", Files.createTempDirectory("pg-it-data").toString());
    Process process = builder.start();
    List<String> output = new CopyOnWriteArrayList<>();
    Thread drain = new Thread(() -> drain(process, output), "drain-server-output");
    drain.start();
    try {
      int port = awaitPort(output);

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
      // The dashboard and its chart library are inside the jar.
      for (String asset : List.of("/", "/dashboard/app.js", "/vendor/uplot/uPlot.esm.js")) {
        HttpResponse<Void> served =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + asset)).build(),
                    HttpResponse.BodyHandlers.discarding());
        assertThat(served.statusCode()).as(asset).isEqualTo(200);
      }

      process.toHandle().destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      drain.join(TimeUnit.SECONDS.toMillis(10));
    } finally {
      process.destroyForcibly();
    }
    assertThat(String.join("\n", output))
        .contains("Pipeline Guard stopped")
        .doesNotContain("\tat ");
  }

  private static void drain(Process process, List<String> output) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        output.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int awaitPort(List<String> output) throws InterruptedException {
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
    throw new AssertionError(
        "server did not report its port; output:\n" + String.join("\n", output));
  }
}
