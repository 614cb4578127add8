package io.pipelineguard.diagnosis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewLineRunsTest {
  @Test
  void bridgesShortGapsAndEndsAtLongOnes() {
    NewLineRuns runs = new NewLineRuns();
    boolean[] isNew = {false, true, true, false, false, true, false, false, false, true};
    for (int i = 0; i < isNew.length; i++) {
      runs.accept(i + 1, isNew[i], false);
    }
    runs.end();
    assertThat(runs.size()).isEqualTo(2);
    assertThat(runs.runContaining(2)).containsExactly(2, 6);
    assertThat(runs.runContaining(4)).containsExactly(2, 6);
    assertThat(runs.runContaining(1)).isNull();
    assertThat(runs.runContaining(8)).isNull();
    assertThat(runs.runContaining(10)).containsExactly(10, 10);
  }

  @Test
  void continuationLinesExtendAnOpenRunButStartNone() {
    NewLineRuns runs = new NewLineRuns();
    runs.accept(1, false, true); // an indented familiar line: no run open, starts none
    runs.accept(2, true, false); // a new exception
    for (int line = 3; line <= 10; line++) {
      runs.accept(line, false, true); // familiar stack frames
    }
    runs.accept(11, false, false);
    runs.accept(12, false, false);
    runs.accept(13, false, false);
    runs.end();
    assertThat(runs.runContaining(1)).isNull();
    assertThat(runs.runContaining(2)).containsExactly(2, 10);
    assertThat(runs.runContaining(11)).isNull();
  }

  @Test
  void keepsAtMostTheBoundOfRuns() {
    NewLineRuns runs = new NewLineRuns();
    int line = 1;
    for (int i = 0; i < NewLineRuns.MAX_RUNS + 10; i++) {
      runs.accept(line++, true, false);
      for (int g = 0; g <= NewLineRuns.MAX_GAP; g++) {
        runs.accept(line++, false, false);
      }
    }
    runs.end();
    assertThat(runs.size()).isEqualTo(NewLineRuns.MAX_RUNS);
    assertThat(runs.runContaining(1)).containsExactly(1, 1);
  }
}
