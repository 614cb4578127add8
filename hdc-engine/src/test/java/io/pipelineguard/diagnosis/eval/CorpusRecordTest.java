package io.pipelineguard.diagnosis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.LineSpan;
import org.junit.jupiter.api.Test;

class CorpusRecordTest {
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

  @Test
  void malformedJsonIsAnIllegalArgument() {
    assertThatThrownBy(() -> CorpusRecord.parse("{\"id\":\"1\",}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CorpusRecord.parse("{\"id\":\"1\",\"id\":\"2\",\"log_file\":\"a\"}"))
        .hasMessageContaining("duplicate");
  }
}
