package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 seeded malformed or mutated bodies, correctly authenticated so they reach the parser and
 * interpreters: none may produce a 5xx.
 */
class FuzzedBodiesTest {
  private static final long SEED = 20261128L;
  private static final List<String> FIXTURES =
      List.of(
          "github-workflow_job-failure.json",
          "gitlab-pipeline.json",
          "gitlab-build.json",
          "azure-build.complete.json",
          "jenkins-failure.json");

  @TempDir Path dataDir;

  @Test
  void a_thousand_fuzzed_bodies_never_get_a_5xx() {
    SplittableRandom random = new SplittableRandom(SEED);
    try (BridgeServer server =
        new BridgeServer(WebhookClient.config(dataDir).build(), Clock.systemUTC(), null).start()) {
      WebhookClient client = new WebhookClient(server.port());
      int accepted = 0;
      for (int i = 0; i < 1000; i++) {
        String name = FIXTURES.get(random.nextInt(FIXTURES.size()));
        byte[] body = mutate(fixture(name), random);
        HttpResponse<String> response = send(client, name, body, i);

        assertThat(response.statusCode()).as("case %d (%s)", i, name).isLessThan(500);
        assertThat(response.body()).as("case %d", i).startsWith("{");
        if (response.statusCode() == 202) {
          accepted++;
        }
      }
      assertThat(accepted).as("some mutations stay valid").isPositive();
    }
  }

  private static HttpResponse<String> send(WebhookClient client, String name, byte[] body, int i) {
    if (name.startsWith("github")) {
      return client.github("workflow_job", "fuzz-" + i, body);
    }
    if (name.startsWith("gitlab")) {
      return client.gitlab("fuzz-" + i, body);
    }
    if (name.startsWith("azure")) {
      return client.azure(body);
    }
    return client.jenkins(body);
  }

  private static byte[] mutate(byte[] original, SplittableRandom random) {
    switch (random.nextInt(6)) {
      case 0: // truncate
        return java.util.Arrays.copyOf(original, random.nextInt(original.length));
      case 1: // flip bytes
        {
          byte[] copy = original.clone();
          for (int k = 0; k < 1 + random.nextInt(20); k++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
          }
          return copy;
        }
      case 2: // random bytes
        {
          byte[] noise = new byte[random.nextInt(2048)];
          random.nextBytes(noise);
          return noise;
        }
      case 3: // deep nesting
        return ("[".repeat(2000 + random.nextInt(3000))).getBytes(StandardCharsets.UTF_8);
      case 4: // valid JSON of the wrong shape
        {
          String[] shapes = {
            "[]",
            "null",
            "42",
            "\"s\"",
            "{}",
            "{\"object_kind\":7}",
            "{\"build\":{\"phase\":[]}}",
            "{\"repository\":{\"full_name\":\"a/b\"},\"workflow_job\":{\"id\":{}}}",
            "{\"eventType\":\"build.complete\",\"resource\":[]}",
            "{\"object_kind\":\"pipeline\",\"object_attributes\":{\"id\":1},\"project\":{\"id\":2}}"
          };
          return shapes[random.nextInt(shapes.length)].getBytes(StandardCharsets.UTF_8);
        }
      default: // replace a string value's content with a long one
        {
          String text = new String(original, StandardCharsets.UTF_8);
          int quote = text.indexOf("\":\"", random.nextInt(Math.max(1, text.length() / 2)));
          if (quote < 0) {
            return original;
          }
          String big = "x".repeat(random.nextInt(5000));
          return (text.substring(0, quote + 3) + big + text.substring(quote + 3))
              .getBytes(StandardCharsets.UTF_8);
        }
    }
  }
}
