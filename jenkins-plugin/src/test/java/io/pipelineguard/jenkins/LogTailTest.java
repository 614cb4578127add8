package io.pipelineguard.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogTailTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void splitsOnEveryLineEndingAndKeepsTheTail() {
    assertThat(LogTail.lines(utf8("a\nb\r\nc\rd\n"), false, 10))
        .containsExactly("a", "b", "c", "d");
    assertThat(LogTail.lines(utf8("a\nb\nc\nd"), false, 2)).containsExactly("c", "d");
  }

  @Test
  void dropsThePartialFirstLineOfACutSlice() {
    assertThat(LogTail.lines(utf8("tail of line\nnext\n"), true, 10)).containsExactly("next");
  }

  @Test
  void cappedStreamKeepsOnlyItsCap() {
    LogTail.Capped out = new LogTail.Capped(4);
    out.write(utf8("abcdef"), 0, 6);
    out.write('g');
    assertThat(new String(out.bytes(), StandardCharsets.UTF_8)).isEqualTo("abcd");
  }
}
