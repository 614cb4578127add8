package io.pipelineguard.diagnosis.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.diagnosis.log.LineCleaner;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailingStepTest {
  private static FailingStep scan(String... lines) {
    FailingStep step = new FailingStep();
    LineCleaner cleaner = new LineCleaner();
    for (int i = 0; i < lines.length; i++) {
      char[] c = lines[i].toCharArray();
      int n = cleaner.clean(c, c.length);
      step.accept(i + 1, cleaner.chars(), n, cleaner.wasMarker());
    }
    return step;
  }

  @Test
  void travisFirstNonZeroCommandIsTheFailingStep() {
    FailingStep s =
        scan(
            "$ ./setup.sh",
            "all set",
            "The command \"./setup.sh\" exited with 0.",
            "$ make check",
            "checking widgets",
            "widget 3 is broken",
            "The command \"make check\" exited with 2.",
            "$ make docs",
            "The command \"make docs\" exited with 1.",
            "Done. Your build exited with 1.");
    assertThat(s.found()).isTrue();
    assertThat(s.failLine()).isEqualTo(7);
    assertThat(s.stepStart()).isEqualTo(4);
    assertThat(s.command()).isEqualTo("make check");
    assertThat(s.tail()).extracting(FailingStep.TailLine::number).endsWith(5, 6);
    assertThat(s.tail()).extracting(FailingStep.TailLine::text).contains("widget 3 is broken");
  }

  @Test
  void aLaterStepThatFailsTooIsNotedWithItsStart() {
    FailingStep s =
        scan(
            "$ run-tests",
            "suite broke",
            "The command \"run-tests\" exited with 1.",
            "$ upload-results",
            "uploader crashed",
            "The command \"upload-results\" failed. Retrying, 2 of 3.",
            "$ notify",
            "The command \"notify\" exited with 3.");
    assertThat(s.failLine()).isEqualTo(3);
    assertThat(s.laterStepStart()).isEqualTo(4);
    assertThat(s.laterFailLine()).isEqualTo(6);
    assertThat(s.laterFailText()).startsWith("The command \"upload-results\" failed");
  }

  @Test
  void noLaterFailureWhenLaterStepsSucceed() {
    FailingStep s =
        scan(
            "$ run-tests",
            "The command \"run-tests\" exited with 1.",
            "$ cleanup",
            "The command \"cleanup\" exited with 0.");
    assertThat(s.laterFailLine()).isZero();
    assertThat(s.laterStepStart()).isZero();
  }

  @Test
  void travisCommandQuotedOverSeveralLinesFailsWhereItsQuoteCloses() {
    FailingStep s =
        scan(
            "$ ./lint.sh && ./build.sh",
            "src/a.js: missing semicolon",
            "The command \"./lint.sh && ./build.sh",
            "\" exited with 0.",
            "$ ./check.sh && ./package.sh",
            "check failed: 2 files unformatted",
            "The command \"./check.sh && ./package.sh",
            "\" exited with 1.",
            "Done. Your build exited with 1.");
    assertThat(s.failLine()).isEqualTo(8);
    assertThat(s.ciMarkerLine()).isEqualTo(8);
    assertThat(s.ciMarkerText()).isEqualTo("\" exited with 1.");
    assertThat(s.stepStart()).isEqualTo(5);
    assertThat(s.command()).isEqualTo("./check.sh && ./package.sh");
    assertThat(s.commandKnown()).isTrue();
  }

  @Test
  void githubActionsStepAndErrorMarker() {
    FailingStep s =
        scan(
            "2024-05-01T10:00:00.0000000Z ##[group]Run npm run lint",
            "2024-05-01T10:00:01.0000000Z ##[endgroup]",
            "2024-05-01T10:00:02.0000000Z src/a.js: 3 problems",
            "2024-05-01T10:00:03.0000000Z ##[error]Process completed with exit code 1.");
    assertThat(s.failLine()).isEqualTo(4);
    assertThat(s.stepStart()).isEqualTo(1);
    assertThat(s.command()).isEqualTo("npm run lint");
  }

  @Test
  void gitlabJobFailedMarker() {
    FailingStep s = scan("$ cargo test", "test foo ... FAILED", "ERROR: Job failed: exit code 101");
    assertThat(s.failLine()).isEqualTo(3);
    assertThat(s.command()).isEqualTo("cargo test");
  }

  @Test
  void mavenErrorsAfterBuildFailureStayInTheTail() {
    FailingStep s =
        scan(
            "[INFO] --- compiler:3.1:compile (default) @ app ---",
            "[INFO] BUILD FAILURE",
            "[ERROR] Failed to execute goal: the compiler gave up",
            "[ERROR] Widget.java:[3,1] missing semicolon",
            "Finished: FAILURE");
    assertThat(s.failLine()).isEqualTo(2);
    assertThat(s.stepStart()).isEqualTo(1);
    List<FailingStep.TailLine> tail = s.tail();
    assertThat(tail).extracting(FailingStep.TailLine::number).contains(3, 4);
  }

  @Test
  void anRPackageCheckVerdictEndsTheStepBeforeTheDumpThatFollows() {
    FailingStep s =
        scan(
            "$ R CMD check pkg.tar.gz",
            "* checking tests ...",
            "  Running 'testthat.R'",
            " ERROR",
            "Status: 1 ERROR, 2 NOTEs",
            "$ cat pkg.Rcheck/*.fail",
            "dumped file line one",
            "dumped file line two");
    s.endOfLog(8);
    assertThat(s.failLine()).isEqualTo(5);
    assertThat(s.stepStart()).isEqualTo(1);
    assertThat(s.tail()).extracting(FailingStep.TailLine::number).containsExactly(1, 2, 3, 4);
    assertThat(s.commandKnown()).isFalse();
  }

  @Test
  void anRPackageCheckVerdictWithNotesOnlyIsNoFailure() {
    char[] notes = "Status: 2 NOTEs".toCharArray();
    char[] ok = "Status: OK".toCharArray();
    char[] warning = "Status: 1 WARNING".toCharArray();
    assertThat(FailingStep.checkVerdictFailed(notes, notes.length)).isFalse();
    assertThat(FailingStep.checkVerdictFailed(ok, ok.length)).isFalse();
    assertThat(FailingStep.checkVerdictFailed(warning, warning.length)).isTrue();
  }

  @Test
  void successfulCommandsAndPlainTextAreNotFailures() {
    FailingStep s =
        scan(
            "$ make",
            "The command \"make\" exited with 0.",
            "The build is going fine",
            "Finished: SUCCESS");
    assertThat(s.found()).isFalse();
    assertThat(s.tail()).isEmpty();
    assertThat(s.failLine()).isZero();
  }

  @Test
  void tailIsBoundedAndOrdered() {
    String[] lines = new String[100];
    lines[0] = "$ run";
    for (int i = 1; i < 99; i++) {
      lines[i] = "line " + i;
    }
    lines[99] = "The command \"run\" failed and exited with 1 during .";
    FailingStep s = scan(lines);
    assertThat(s.tail()).hasSize(FailingStep.TAIL);
    assertThat(s.tail().get(FailingStep.TAIL - 1).number()).isEqualTo(99);
    assertThat(s.tail().get(0).number()).isEqualTo(99 - FailingStep.TAIL + 1);
  }

  @Test
  void theScriptNpmRanJoinsTheStepCommand() {
    FailingStep s =
        scan(
            "$ npm test",
            "",
            "> widgets@2.1.0 test /home/ci/widgets",
            "> stylecheck src && unit-runner",
            "",
            "> not a script line",
            "src/a.js:3 bad indent",
            "The command \"npm test\" exited with 1.");
    assertThat(s.command()).isEqualTo("npm test stylecheck src && unit-runner");
    assertThat(s.commandKnown()).isTrue();
  }

  @Test
  void aShellExecutorIsAPersistentMachine() {
    assertThat(
            scan("Using Shell executor...", "$ make", "ERROR: Job failed: exit status 1")
                .persistentMachine())
        .isTrue();
    assertThat(
            scan("Using Docker executor with image gcc", "$ make", "ERROR: Job failed")
                .persistentMachine())
        .isFalse();
  }
}
