package io.pipelineguard.diagnosis.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineCleanerTest {
  private final LineCleaner cleaner = new LineCleaner();

  @Test
  void stripsAnsiColourAndEraseCodes() {
    assertThat(cleaner.clean("\u001b[0K\u001b[31;1mERROR: Job failed\u001b[0;m"))
        .isEqualTo("ERROR: Job failed");
  }

  @Test
  void stripsGitlabSectionMarkers() {
    assertThat(cleaner.clean("section_end:1656924658:step_script")).isEmpty();
    assertThat(cleaner.wasMarker()).isTrue();
    assertThat(cleaner.clean("section_start:1656924658:build Building")).isEqualTo("Building");
  }

  @Test
  void stripsTravisAndGithubMarkers() {
    assertThat(cleaner.clean("travis_fold:start:install.1")).isEmpty();
    assertThat(cleaner.wasMarker()).isTrue();
    assertThat(cleaner.clean("##[group]Run mvn verify")).isEqualTo("Run mvn verify");
  }

  @Test
  void stripsTimestampPrefixesButKeepsIndentation() {
    assertThat(cleaner.clean("2021-03-04T12:34:56.1234567Z     at Foo.bar(Foo.java:3)"))
        .isEqualTo("    at Foo.bar(Foo.java:3)");
    assertThat(cleaner.clean("[2021-03-04T12:34:56.123Z] BUILD FAILURE"))
        .isEqualTo("BUILD FAILURE");
    assertThat(cleaner.clean("[12:34:56] Error: boom")).isEqualTo("Error: boom");
    assertThat(cleaner.clean("    indented")).isEqualTo("    indented");
    assertThat(cleaner.indent()).isEqualTo(4);
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(cleaner.clean("12:3 is not a time")).isEqualTo("12:3 is not a time");
  }

  /**
   * Control characters are stripped run by run: seeded lines mixing text, tabs, escape sequences,
   * DEL and other controls (also at the start and the end) clean as a character-by-character
   * reference does.
   */
  @Test
  void controlStrippingMatchesCharacterByCharacterReference() {
    String[] parts = {
      "error: x",
      " ",
      "\t",
      "\u001b[31;1m",
      "\u001b[0m",
      "\u001b]0;title\u0007",
      "\u007f",
      "\u0001",
      "\u001b",
      "\u001b(B",
      "caf\u00e9",
      "12",
      "\r"
    };
    Random random = new Random(5);
    for (int trial = 0; trial < 2000; trial++) {
      StringBuilder sb = new StringBuilder("A");
      for (int k = random.nextInt(12); k > 0; k--) {
        sb.append(parts[random.nextInt(parts.length)]);
      }
      sb.append("Z.");
      String line = sb.toString();
      assertThat(new LineCleaner().clean(line)).as(line).isEqualTo(referenceStrip(line));
    }
  }

  /** The former character-by-character loop, for lines whose cleaning strips no prefix. */
  private static String referenceStrip(String line) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == 0x1b) {
        i = skipEscapeReference(line, i + 1);
        continue;
      }
      if (c < 0x20 || c == 0x7f) {
        if (c == '\t') {
          out.append(' ');
        }
        i++;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static int skipEscapeReference(String s, int i) {
    if (i >= s.length()) {
      return i;
    }
    char c = s.charAt(i);
    if (c == '[') {
      i++;
      while (i < s.length() && (s.charAt(i) < 0x40 || s.charAt(i) > 0x7e)) {
        if (s.charAt(i) < 0x20) {
          return i;
        }
        i++;
      }
      return Math.min(s.length(), i + 1);
    }
    if (c == ']') {
      i++;
      while (i < s.length()) {
        if (s.charAt(i) == 0x07) {
          return i + 1;
        }
        if (s.charAt(i) == 0x1b && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
          return i + 2;
        }
        i++;
      }
      return s.length();
    }
    if (c == '(' || c == ')') {
      return Math.min(s.length(), i + 2);
    }
    return i + 1;
  }
}
