package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
  @Test
  void quotesWhatNeedsItAndDefusesFormulas() {
    String csv =
        new CsvWriter()
            .row(List.of("a", "b,c", "say \"hi\""))
            .row(Arrays.asList("+1", "-2", "@sum", null, 12.5, "line1\nline2"))
            .toString();

    assertThat(csv)
        .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\"\r\n" + "'+1,'-2,'@sum,,12.5,\"line1\nline2\"\r\n");
  }

  @Test
  void numbersAreNotGuarded() {
    assertThat(new CsvWriter().row(List.of(-3, -0.5)).toString()).isEqualTo("-3,-0.5\r\n");
  }

  @Test
  void emailShapesAreChecked() {
    assertThat(PipelineRegistrations.isEmail("team@example.com")).isTrue();
    assertThat(PipelineRegistrations.isEmail("a.b+c@sub.example.org")).isTrue();
    assertThat(PipelineRegistrations.isEmail("no-at.example.com")).isFalse();
    assertThat(PipelineRegistrations.isEmail("two@@example.com")).isFalse();
    assertThat(PipelineRegistrations.isEmail("space @example.com")).isFalse();
    assertThat(PipelineRegistrations.isEmail("x@nodot")).isFalse();
    assertThat(PipelineRegistrations.isEmail("x@example.")).isFalse();
    assertThat(PipelineRegistrations.isEmail("x@" + "a".repeat(320) + ".com")).isFalse();
  }
}
