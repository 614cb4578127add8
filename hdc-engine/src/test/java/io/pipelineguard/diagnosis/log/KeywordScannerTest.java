package io.pipelineguard.diagnosis.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordScannerTest {
  private final KeywordScanner scanner =
      new KeywordScanner(List.of("stalled", "fail", "npm err!", "timed out"));

  private int count(String line) {
    KeywordScanner.Hits hits = scanner.newHits();
    return scanner.scan(line.toCharArray(), line.length(), hits);
  }

  @Test
  void matchesCaseInsensitivelyAndAsWordPrefix() {
    KeywordScanner.Hits hits = scanner.newHits();
    String line = "Build FAILED: npm ERR! connect timed out";
    assertThat(scanner.scan(line.toCharArray(), line.length(), hits)).isEqualTo(3);
    assertThat(hits.contains(1)).isTrue();
    assertThat(hits.contains(2)).isTrue();
    assertThat(hits.contains(3)).isTrue();
  }

  @Test
  void keywordMustBeginAWord() {
    assertThat(count("InstalledDir: /usr/local")).isZero();
    assertThat(count("job stalled")).isEqualTo(1);
    assertThat(count("nofail option")).isZero();
  }

  @Test
  void caretKeywordMustBeginTheLineAndEndsAreReported() {
    KeywordScanner s = new KeywordScanner(List.of("^warn", "warn", "^fail"));
    KeywordScanner.Hits hits = s.newHits();
    String line = "WARNING: disk almost full, warn again";
    assertThat(s.scan(line.toCharArray(), line.length(), hits)).isEqualTo(2);
    assertThat(hits.contains(0)).isTrue();
    assertThat(hits.contains(1)).isTrue();
    assertThat(hits.end(0)).isEqualTo(4);
    String later = "build: warn and fail";
    assertThat(s.scan(later.toCharArray(), later.length(), hits)).isEqualTo(1);
    assertThat(hits.contains(0)).isFalse();
    assertThat(hits.contains(1)).isTrue();
    assertThat(hits.contains(2)).isFalse();
    assertThat(hits.end(0)).isEqualTo("build: warn".length());
  }
}
