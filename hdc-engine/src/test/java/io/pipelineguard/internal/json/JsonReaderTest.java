package io.pipelineguard.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {
  private final JsonReader reader = JsonReader.withDefaults();

  @Test
  void readsEveryValueKind() {
    Map<String, Object> m =
        reader.parseObject(
            "{\"s\": \"a\\u00e9\\n\", \"i\": -12, \"d\": 1.5e2, \"b\": true, \"n\": null,"
                + " \"a\": [1, {\"x\": []}]}");

    assertThat(m.get("s")).isEqualTo("a\u00e9\n");
    assertThat(m.get("i")).isEqualTo(-12L);
    assertThat(m.get("d")).isEqualTo(150.0);
    assertThat(m.get("b")).isEqualTo(true);
    assertThat(m).containsKey("n");
    assertThat(m.get("n")).isNull();
    assertThat((List<?>) m.get("a")).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": 1,}",
        "[1, 2,]",
        "{\"a\": 1, \"a\": 2}",
        "01",
        "{'a': 1}",
        "\"tab\there\"",
        "[1] x",
        "tru",
        "{\"a\" 1}",
        "\"\\x\"",
        ""
      })
  void rejectsNonStrictJson(String text) {
    assertThatThrownBy(() -> reader.parse(text)).isInstanceOf(JsonParseException.class);
  }

  @Test
  void enforcesDepthAndSizeLimits() {
    JsonReader small = JsonReader.withLimits(20, 3, 5);

    assertThatThrownBy(() -> small.parse("[[[[1]]]]")).hasMessageContaining("nesting deeper");
    assertThatThrownBy(() -> small.parse("\"abcdefgh\"")).hasMessageContaining("string longer");
    assertThatThrownBy(() -> small.parse("[1,2,3,4,5,6,7,8,9,10]"))
        .hasMessageContaining("the limit is 20");
  }

  @Test
  void deepNestingFromUntrustedInputDoesNotOverflowTheStack() {
    String deep = "[".repeat(100_000);

    assertThatThrownBy(() -> reader.parse(deep)).isInstanceOf(JsonParseException.class);
  }
}
