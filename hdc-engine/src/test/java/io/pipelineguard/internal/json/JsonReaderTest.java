package io.pipelineguard.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

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

  @Test
  void decodesSurrogatePairsAndRejectsLoneSurrogates() {
    assertThat(reader.parse("\"\\ud83d\\ude00 x\"")).isEqualTo("\uD83D\uDE00 x");
    assertThat(reader.parse("\"\uD83D\uDE00\"")).isEqualTo("\uD83D\uDE00");
    assertThatThrownBy(() -> reader.parse("\"\\ud83d\""))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> reader.parse("\"\\ude00\\ud83d\""))
        .hasMessageContaining("unpaired surrogate");
    assertThatThrownBy(() -> reader.parse("\"a\uD83Db\"")).isInstanceOf(JsonParseException.class);
    assertThatThrownBy(() -> reader.parse("\"\\u12\"")).hasMessageContaining("\\u escape");
  }

  @Test
  void errorsAreIllegalArgumentsWithAnOffset() {
    JsonParseException e = (JsonParseException) catchThrowable(() -> reader.parse("{\"a\": 1, ]"));
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.offset()).isEqualTo(9);
  }

  @Test
  void writerQuotesWhatTheReaderReadsBack() {
    String s = "tab\there \"quoted\" back\\slash \u0001 \u2028 é \uD83D\uDE00";
    String quoted = JsonWriter.quote(new StringBuilder(), s).toString();
    assertThat(quoted).doesNotContain("\t").contains("\\u0001").contains("\\u2028");
    assertThat(reader.parse(quoted)).isEqualTo(s);
  }
}
