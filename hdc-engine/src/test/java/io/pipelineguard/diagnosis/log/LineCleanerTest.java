package io.pipelineguard.diagnosis.log;

import static org.assertj.core.api.Assertions.assertThat;

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
}
