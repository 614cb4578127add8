package io.pipelineguard.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSourceTest {

  @Test
  void linesKeepTheirNumbersEvenWithCarriageReturnsInside() throws Exception {
    LogSource source = LogSource.ofLines(List.of("one", "two\rstill two", "three"));
    try (InputStream in = source.open()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("one\ntwo still two\nthree\n");
    }
    DiagnosisReport report =
        Diagnoser.builder()
            .build()
            .diagnose(
                LogSource.ofLines(
                    List.of("fetching\rsources", "ok", "curl: (6) Could not resolve host: x.y")));
    assertThat(report.lines()).anySatisfy(l -> assertThat(l.number()).isEqualTo(3));
  }

  @Test
  void tooManyBytesAreRefused() {
    String mib = "x".repeat(1 << 20);
    assertThatThrownBy(() -> LogSource.ofLines(Collections.nCopies(65, mib)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
  }
}
