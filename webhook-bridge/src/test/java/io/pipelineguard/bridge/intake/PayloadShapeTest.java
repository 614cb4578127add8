package io.pipelineguard.bridge.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipelineguard.bridge.config.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pruned parse ({@link PayloadParser#parse(byte[], PayloadShape)}) against the whole tree: same
 * nodes along the shape, same refusals, and for GitHub the same meaning.
 */
class PayloadShapeTest {
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final PayloadParser parser = new PayloadParser();

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = PayloadShapeTest.class.getResourceAsStream("/webhooks/" + name)) {
      return in.readAllBytes();
    }
  }

  /** What a source makes of a body: its interpretation and finished run, or its refusal. */
  private static String meaning(WebhookSource source, String event, JsonNode body) {
    try {
      Interpretation meaning = source.interpret(7, event, body, NOW);
      return meaning + " / " + FinishedRuns.of(meaning.run(), event, body, NOW);
    } catch (PayloadException e) {
      return "refused: " + e.getMessage();
    }
  }

  @Test
  void githubMeansTheSameFromItsShapeAsFromTheWholePayloadUnderSeededMutations()
      throws IOException {
    GitHubWebhooks github = new GitHubWebhooks(Secret.of("s"));
    String[][] samples = {
      {"github-workflow_job-failure.json", "workflow_job"},
      {"github-workflow_run-completed.json", "workflow_run"},
      {"github-check_run-failure.json", "check_run"},
    };
    Random random = new Random(42);
    JsonNode[] values = {
      null,
      JsonNodeFactory.instance.nullNode(),
      JsonNodeFactory.instance.textNode("completed"),
      JsonNodeFactory.instance.textNode("failure"),
      JsonNodeFactory.instance.textNode("github-actions"),
      JsonNodeFactory.instance.textNode("2024-01-01T10:00:00Z"),
      JsonNodeFactory.instance.numberNode(3),
      JsonNodeFactory.instance.numberNode(1L << 40),
      JsonNodeFactory.instance.numberNode(2.5),
      JsonNodeFactory.instance.booleanNode(true),
      JsonNodeFactory.instance.objectNode().put("x", 1),
      JsonNodeFactory.instance.arrayNode().add(1)
    };
    int compared = 0;
    for (String[] sample : samples) {
      ObjectNode whole = (ObjectNode) MAPPER.readTree(fixture(sample[0]));
      for (int i = 0; i < 300; i++) {
        ObjectNode mutated = whole.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(mutated, objects);
        for (int change = 0; change < 1 + random.nextInt(3); change++) {
          ObjectNode at = objects.get(random.nextInt(objects.size()));
          List<String> names = new ArrayList<>();
          at.fieldNames().forEachRemaining(names::add);
          if (names.isEmpty()) {
            continue;
          }
          String name = names.get(random.nextInt(names.size()));
          JsonNode value = values[random.nextInt(values.length)];
          if (value == null) {
            at.remove(name);
          } else {
            at.set(name, value.deepCopy());
          }
        }
        byte[] body = MAPPER.writeValueAsBytes(mutated);
        for (String event : new String[] {sample[1], "workflow_job", "check_run"}) {
          assertThat(meaning(github, event, parser.parse(body, github.payloadShape())))
              .isEqualTo(meaning(github, event, parser.parse(body)));
          compared++;
        }
      }
    }
    assertThat(compared).isEqualTo(2700);
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> out) {
    if (node.isObject()) {
      out.add((ObjectNode) node);
    }
    node.elements().forEachRemaining(child -> collectObjects(child, out));
  }

  @Test
  void prunedTreeKeepsExactlyTheShapedScalarsOfRandomDocuments() {
    Random random = new Random(7);
    PayloadShape shape = PayloadShape.of("a", "b.c", "b.d.e", "f.a");
    String[][] paths = {{"a"}, {"b", "c"}, {"b", "d", "e"}, {"f", "a"}};
    for (int i = 0; i < 500; i++) {
      String json = randomObject(random, 0);
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      JsonNode whole = parser.parse(body);
      JsonNode pruned = parser.parse(body, shape);
      for (String[] path : paths) {
        JsonNode expected = Json.at(whole, path);
        JsonNode actual = Json.at(pruned, path);
        if (expected.isValueNode() || expected.isMissingNode()) {
          assertThat(actual).as(json).isEqualTo(expected);
        } else {
          assertThat(actual.getNodeType()).as(json).isEqualTo(expected.getNodeType());
        }
      }
      assertThat(pruned.has("g")).isFalse();
    }
  }

  @Test
  void refusalsAreTheSameAsTheWholeParse() {
    PayloadShape shape = PayloadShape.of("a.b");
    for (String body :
        new String[] {
          "",
          "[1]",
          "3",
          "{\"a\":",
          "{\"a\":{\"b\":1}",
          "{\"x\":[1,2}",
          "{\"a\" 1}",
          "nul",
          "{\"x\":\"\\q\"}"
        }) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      String expected = refusal(() -> parser.parse(bytes));
      assertThat(refusal(() -> parser.parse(bytes, shape))).as(body).isEqualTo(expected);
    }
  }

  @Test
  void emptyPathPartsAreRefused() {
    assertThatThrownBy(() -> PayloadShape.of("a..b")).isInstanceOf(IllegalArgumentException.class);
  }

  private static String refusal(Runnable parse) {
    try {
      parse.run();
      return "accepted";
    } catch (PayloadException e) {
      return e.getMessage();
    }
  }

  private static String randomObject(Random random, int depth) {
    StringBuilder out = new StringBuilder("{");
    int fields = random.nextInt(5);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append("abcdefg".charAt(random.nextInt(7))).append("\":");
      out.append(randomValue(random, depth + 1));
    }
    return out.append('}').toString();
  }

  private static String randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 6 : 8);
    switch (kind) {
      case 0:
        return "\"s" + random.nextInt(100) + "\\u00e9\"";
      case 1:
        return Integer.toString(random.nextInt());
      case 2:
        return Long.toString(random.nextLong());
      case 3:
        return "12345678901234567890123";
      case 4:
        return Double.toString(random.nextDouble());
      case 5:
        return random.nextBoolean() ? "true" : "null";
      case 6:
        return "[" + randomValue(random, depth + 1) + "," + randomValue(random, depth + 1) + "]";
      default:
        return randomObject(random, depth);
    }
  }
}
