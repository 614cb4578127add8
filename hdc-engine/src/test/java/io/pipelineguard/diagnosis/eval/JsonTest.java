package io.pipelineguard.diagnosis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.LineSpan;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void parsesEscapesAndUnicode() {
    Object v =
        Json.parse("{\"a\":\"x\\\"y\\\\z\\n\\u00e9\\ud83d\\ude00\",\"b\":[1,-2.5e1,true,null]}");
    Map<?, ?> m = (Map<?, ?>) v;
    assertThat(m.get("a")).isEqualTo("x\"y\\z\né\uD83D\uDE00");
    assertThat(m.get("b")).isEqualTo(java.util.Arrays.asList(1.0, -25.0, true, null));
  }

  @Test
  void rejectsInvalidJson() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1,}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("{\"a\":01}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("\"\\x\"")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.parse("[".repeat(100) + "]".repeat(100)))
        .hasMessageContaining("nested");
  }

  @Test
  void quoteRoundTrips() {
    String s = "tab\there \"quoted\" back\\slash \u0001 é";
    String quoted = Json.quote(new StringBuilder(), s).toString();
    assertThat(Json.parse(quoted)).isEqualTo(s);
  }

  @Test
  void recordWithoutLabelsParses() {
    CorpusRecord r =
        CorpusRecord.parse(
            "{\"id\":\"1\",\"log_file\":\"logs/a.gz\",\"pass_log_file\":null,"
                + "\"job_name\":\"build\",\"created_at\":\"2022-07-04\"}");
    assertThat(r.category()).isEmpty();
    assertThat(r.evidence()).isEmpty();
    CorpusRecord labelled =
        CorpusRecord.parse(
            "{\"id\":\"2\",\"log_file\":\"a\",\"category\":\"network\",\"transient\":true,"
                + "\"evidence\":[[3,4]]}");
    assertThat(labelled.category()).contains(Category.NETWORK);
    assertThat(labelled.evidence()).containsExactly(new LineSpan(3, 4));
    assertThatThrownBy(() -> CorpusRecord.parse("{\"id\":\"3\",\"log_file\":\"../x\"}"))
        .hasMessageContaining("inside the corpus");
  }
}
