package io.pipelineguard.diagnosis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorLevelTest {
  @Test
  void bracketedOrColonEndedErrorAndFatalLevelsAtTheStart() {
    assertThat(ErrorLevel.startsWithError("[error] widget module: 2 problems")).isTrue();
    assertThat(ErrorLevel.startsWithError("  ERROR: could not resolve the widget")).isTrue();
    assertThat(ErrorLevel.startsWithError("fatal: no such branch")).isTrue();
    assertThat(ErrorLevel.startsWithError("[FATAL] out of widgets")).isTrue();
  }

  @Test
  void errorWordsElsewhereOrWithoutATagAreNotALevel() {
    assertThat(ErrorLevel.startsWithError("[info] 0 errors found")).isFalse();
    assertThat(ErrorLevel.startsWithError("errors: none")).isFalse();
    assertThat(ErrorLevel.startsWithError("error handling tests passed")).isFalse();
    assertThat(ErrorLevel.startsWithError("[error")).isFalse();
    assertThat(ErrorLevel.startsWithError("")).isFalse();
  }
}
