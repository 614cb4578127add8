package io.pipelineguard.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.model.Result;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.LineSpan;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import jenkins.model.CauseOfInterruption;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.junit.jupiter.api.Test;

class GuardStepExecutionTest {

  private static Diagnosis diagnosis(Category category) {
    return new Diagnosis(
        category,
        category.kind() == Category.Kind.TRANSIENT,
        0.9,
        List.of(new LineSpan(2, 2)),
        "sig-" + category.wireName(),
        false,
        category.wireName() + " rule matched line 2");
  }

  /** Diagnoses everything as {@code category}; proposes what the former stand-in engine did. */
  private static FakeRuntime runtime(Category category) {
    return new FakeRuntime(
        lines -> diagnosis(category),
        (d, s) ->
            d.transientFailure()
                ? GuardDecision.retry(Duration.ofSeconds(30), "transient")
                : d.category() == Category.DEPLOYMENT && s.rollbackAvailable()
                    ? GuardDecision.rollback("a deployment failed")
                    : GuardDecision.fail("not transient"));
  }

  private static GuardStepExecution started(
      FakeStepContext context, GuardSettings settings, FakeRuntime runtime) {
    GuardStepExecution execution = new GuardStepExecution(context, settings, runtime);
    assertThat(execution.start()).isFalse();
    return execution;
  }

  @Test
  void passingBodyCompletesWithItsResultAndNoDiagnosis() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.NETWORK);
    started(context, GuardSettings.ofDefaults(), runtime);

    context.passBody("value");

    assertThat(context.result).isEqualTo("value");
    assertThat(context.failure).isNull();
    assertThat(runtime.diagnosed).isEmpty();
    assertThat(runtime.records).isEmpty();
  }

  @Test
  void transientFailureIsRetriedWithBackoffUntilAttemptsRunOut() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.NETWORK);
    GuardStepExecution execution =
        started(context, GuardSettings.custom().maxAttempts(3).build(), runtime);

    for (int attempt = 1; attempt <= 2; attempt++) {
      context.failBody(new AbortException("connection reset"));
      assertThat(context.done()).isFalse();
      assertThat(execution.phase()).isEqualTo(GuardStepExecution.Phase.BACKOFF);
      assertThat(runtime.delays).last().isEqualTo(Duration.ofSeconds(30));
      runtime.fireTimer();
      assertThat(context.bodies).hasSize(attempt + 1);
    }
    context.failBody(new AbortException("connection reset"));

    assertThat(context.bodies).hasSize(3);
    assertThat(context.failure)
        .isInstanceOf(GuardFailure.class)
        .hasMessageStartingWith("pipeline-guard: network (transient")
        .hasCauseInstanceOf(AbortException.class);
    assertThat(runtime.records)
        .extracting(GuardRecord::getOutcome)
        .containsExactly(
            GuardRecord.Outcome.RETRIED, GuardRecord.Outcome.RETRIED, GuardRecord.Outcome.FAILED);
    assertThat(runtime.records.get(2).getDetail()).contains("no attempts left (3 of 3 used)");
    assertThat(runtime.situations).extracting(GuardSituation::attempt).containsExactly(1, 2, 3);
    assertThat(runtime.outcomes).extracting(RepairOutcome::succeeded).containsExactly(false, false);
    assertThat(context.log()).contains("retrying in 30s (attempt 2/3)").contains("| line 2: boom");
  }

  @Test
  void retryThatPassesCompletesTheStepAndTeachesTheEngine() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.TIMEOUT);
    started(context, GuardSettings.ofDefaults(), runtime);

    context.failBody(new AbortException("timed out"));
    runtime.fireTimer();
    context.passBody("ok");

    assertThat(context.result).isEqualTo("ok");
    assertThat(runtime.outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.action()).isEqualTo(GuardDecision.Action.RETRY);
              assertThat(o.succeeded()).isTrue();
              assertThat(o.signature()).isEqualTo("sig-timeout");
            });
    assertThat(runtime.records)
        .extracting(GuardRecord::getOutcome)
        .containsExactly(GuardRecord.Outcome.RETRIED, GuardRecord.Outcome.SUCCEEDED);
  }

  @Test
  void deterministicFailureFailsOnceWithTheDiagnosisAndEvidence() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.TEST_FAILURE);
    runtime.logLines = List.of("running tests", "FooTest > bar FAILED");
    AbortException original = new AbortException("script returned exit code 1");
    started(context, GuardSettings.ofDefaults(), runtime);

    context.failBody(original);

    assertThat(context.bodies).hasSize(1);
    assertThat(context.completions).isEqualTo(1);
    assertThat(context.failure)
        .isInstanceOf(GuardFailure.class)
        .hasMessage(
            "pipeline-guard: test_failure (not transient, confidence 0.90):"
                + " test_failure rule matched line 2")
        .hasCause(original);
    assertThat(context.log()).contains("| line 2: FooTest > bar FAILED");
    assertThat(runtime.diagnosed.get(0))
        .containsExactly(
            "running tests", "FooTest > bar FAILED", "ERROR: script returned exit code 1");
    assertThat(runtime.records.get(0).getEvidence())
        .containsExactly("line 2: FooTest > bar FAILED");
  }

  @Test
  void logIsReadFromTheAttemptsStartAndBounded() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.NETWORK);
    runtime.logEnd = 100;
    started(context, GuardSettings.custom().maxLogLines(50).build(), runtime);
    context.failBody(new AbortException("x"));
    runtime.logEnd = 250;
    runtime.fireTimer();

    context.failBody(new AbortException("y"));

    assertThat(runtime.marksRead).containsExactly(100L, 250L);
    assertThat(runtime.maxLinesAsked).containsOnly(50);
  }

  @Test
  void deploymentFailureStartsTheRollbackOnceThenFails() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.DEPLOYMENT);
    GuardSettings settings =
        GuardSettings.custom()
            .rollbackJob("deploy/rollback")
            .rollbackParameter("ENV", "prod")
            .build();
    started(context, settings, runtime);

    context.failBody(new AbortException("helm upgrade failed"));

    assertThat(runtime.rollbacks).containsExactly("deploy/rollback {ENV=prod}");
    assertThat(context.failure).hasMessageStartingWith(GuardFailure.ROLLBACK_PREFIX);
    assertThat(context.bodies).hasSize(1);
    assertThat(runtime.records)
        .extracting(GuardRecord::getOutcome)
        .containsExactly(GuardRecord.Outcome.ROLLED_BACK);
  }

  @Test
  void rollbackAfterARetryIsStillStartedOnlyOnce() {
    FakeStepContext context = new FakeStepContext();
    // The engine asks for a rollback on every failure; the guard starts it once at most.
    FakeRuntime runtime =
        new FakeRuntime(
            lines -> diagnosis(Category.DEPLOYMENT), (d, s) -> GuardDecision.rollback("again"));
    GuardStepExecution execution =
        started(context, GuardSettings.custom().rollbackJob("rb").build(), runtime);
    context.failBody(new AbortException("deploy failed"));
    assertThat(execution.phase()).isEqualTo(GuardStepExecution.Phase.DONE);

    context.failBody(new AbortException("late duplicate"));

    assertThat(runtime.rollbacks).hasSize(1);
    assertThat(context.completions).isEqualTo(1);
    assertThat(
            GuardCaps.apply(
                    GuardSettings.custom().rollbackJob("rb").build(),
                    1,
                    true,
                    diagnosis(Category.DEPLOYMENT),
                    GuardDecision.rollback("again"))
                .action())
        .isEqualTo(GuardDecision.Action.FAIL);
  }

  @Test
  void rollbackProposedWithoutARollbackJobFails() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime =
        new FakeRuntime(
            lines -> diagnosis(Category.DEPLOYMENT), (d, s) -> GuardDecision.rollback("x"));
    started(context, GuardSettings.ofDefaults(), runtime);

    context.failBody(new AbortException("deploy failed"));

    assertThat(runtime.rollbacks).isEmpty();
    assertThat(context.failure).hasMessageStartingWith("pipeline-guard: deployment");
    assertThat(runtime.records.get(0).getDetail()).contains("no rollback is configured");
  }

  @Test
  void userAbortIsNeverRetriedNorDiagnosed() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.NETWORK);
    started(context, GuardSettings.ofDefaults(), runtime);
    FlowInterruptedException abort =
        new FlowInterruptedException(Result.ABORTED, true, new UserCause());

    context.failBody(abort);

    assertThat(context.failure).isSameAs(abort);
    assertThat(context.bodies).hasSize(1);
    assertThat(runtime.diagnosed).isEmpty();
    assertThat(runtime.timerTasks).isEmpty();
    assertThat(runtime.records)
        .extracting(GuardRecord::getOutcome)
        .containsExactly(GuardRecord.Outcome.ABORTED);
  }

  @Test
  void timeoutInsideTheBlockIsNotAnAbortAndIsDiagnosed() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.TIMEOUT);
    started(context, GuardSettings.ofDefaults(), runtime);

    context.failBody(new FlowInterruptedException(Result.ABORTED, false, new UserCause()));

    assertThat(runtime.diagnosed).hasSize(1);
    assertThat(runtime.timerTasks).hasSize(1);
  }

  @Test
  void neverRetryCategoryFailsEvenWhenTransient() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.FLAKY_TEST);
    started(context, GuardSettings.custom().neverRetry(Category.FLAKY_TEST).build(), runtime);

    context.failBody(new AbortException("flaky"));

    assertThat(context.bodies).hasSize(1);
    assertThat(context.failure).isInstanceOf(GuardFailure.class);
    assertThat(runtime.records.get(0).getDetail())
        .isEqualTo("flaky_test is configured never to be retried");
  }

  @Test
  void dryRunSaysWhatItWouldDoAndFails() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.NETWORK);
    started(context, GuardSettings.custom().dryRun(true).build(), runtime);

    context.failBody(new AbortException("reset"));

    assertThat(context.bodies).hasSize(1);
    assertThat(runtime.timerTasks).isEmpty();
    assertThat(context.log()).contains("dry run: would retry in 30s");
    assertThat(runtime.records.get(0).getOutcome()).isEqualTo(GuardRecord.Outcome.DRY_RUN);
  }

  @Test
  void brokenEngineNeverHidesTheBodysFailure() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime =
        new FakeRuntime(
            lines -> {
              throw new IllegalStateException("model corrupt");
            },
            (d, s) -> GuardDecision.retry(Duration.ZERO, "x"));
    started(context, GuardSettings.ofDefaults(), runtime);
    AbortException original = new AbortException("boom");

    context.failBody(original);

    assertThat(context.bodies).hasSize(1);
    assertThat(context.failure)
        .hasMessageStartingWith("pipeline-guard: unknown")
        .hasCause(original);
    assertThat(context.log()).contains("diagnosis failed");
  }

  @Test
  void stopDuringBackoffCancelsTheTimerAndFails() throws Exception {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.NETWORK);
    GuardStepExecution execution = started(context, GuardSettings.ofDefaults(), runtime);
    context.failBody(new AbortException("reset"));
    FlowInterruptedException abort =
        new FlowInterruptedException(Result.ABORTED, true, new UserCause());

    execution.stop(abort);

    assertThat(runtime.cancelled).isEqualTo(1);
    assertThat(runtime.timerTasks).isEmpty();
    assertThat(context.failure).isSameAs(abort);
    assertThat(context.bodies).hasSize(1);
  }

  @Test
  void stateSurvivesSerializationAndResumeRearmsTheBackoff() throws Exception {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime before = runtime(Category.NETWORK);
    GuardStepExecution execution =
        started(context, GuardSettings.custom().maxAttempts(2).build(), before);
    context.failBody(new AbortException("reset"));
    assertThat(execution.phase()).isEqualTo(GuardStepExecution.Phase.BACKOFF);

    GuardStepExecution resumed = roundTrip(execution);
    FakeRuntime after = runtime(Category.NETWORK);
    after.nowMillis = before.nowMillis + 20_000;
    resumed.resumeWith(after);

    assertThat(after.delays).containsExactly(Duration.ofSeconds(10));
    after.fireTimer();
    FakeStepContext resumedContext = (FakeStepContext) resumed.getContext();
    assertThat(resumedContext.bodies).hasSize(2);
    assertThat(resumed.attempt()).isEqualTo(2);
    resumedContext.failBody(new AbortException("reset again"));
    assertThat(resumedContext.failure).hasMessageStartingWith("pipeline-guard: network");
    assertThat(after.records.get(0).getDetail()).contains("no attempts left (2 of 2 used)");
    assertThat(resumedContext.log()).contains("retrying in 30s (attempt 2/2)");
  }

  @Test
  void resumeAfterTheDeadlineRetriesAtOnce() throws Exception {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime before = runtime(Category.NETWORK);
    GuardStepExecution execution = started(context, GuardSettings.ofDefaults(), before);
    context.failBody(new AbortException("reset"));

    GuardStepExecution resumed = roundTrip(execution);
    FakeRuntime after = runtime(Category.NETWORK);
    after.nowMillis = before.nowMillis + 3_600_000;
    resumed.resumeWith(after);

    assertThat(after.delays).containsExactly(Duration.ZERO);
  }

  @Test
  void resumeWhileTheBodyRunsSchedulesNothing() throws Exception {
    FakeStepContext context = new FakeStepContext();
    GuardStepExecution execution =
        started(context, GuardSettings.ofDefaults(), runtime(Category.NETWORK));

    GuardStepExecution resumed = roundTrip(execution);
    FakeRuntime after = runtime(Category.NETWORK);
    resumed.resumeWith(after);

    assertThat(after.timerTasks).isEmpty();
    assertThat(resumed.phase()).isEqualTo(GuardStepExecution.Phase.RUNNING);
    ((FakeStepContext) resumed.getContext()).passBody("done");
    assertThat(((FakeStepContext) resumed.getContext()).result).isEqualTo("done");
  }

  private static GuardStepExecution roundTrip(GuardStepExecution execution)
      throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(execution);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (GuardStepExecution) in.readObject();
    }
  }

  private static final class UserCause extends CauseOfInterruption {
    private static final long serialVersionUID = 1L;

    @Override
    public String getShortDescription() {
      return "Aborted by alice";
    }
  }

  @Test
  void unknownPolicyFailsTheStepBeforeItsBodyRuns() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime = runtime(Category.NETWORK);
    runtime.policyCheck =
        name -> {
          throw new IllegalArgumentException("unknown repair policy '" + name + "'");
        };

    started(context, GuardSettings.custom().policy("speedy").build(), runtime);

    assertThat(context.bodies).isEmpty();
    assertThat(context.failure).hasMessage("unknown repair policy 'speedy'");
  }

  @Test
  void cleanRetryDeletesTheCleanPathsThenRetries() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime =
        new FakeRuntime(
            lines -> diagnosis(Category.RESOURCE),
            (d, s) -> GuardDecision.cleanRetry(Duration.ZERO, "disk full: clean first"));
    GuardSettings settings =
        GuardSettings.custom().cleanPath("build/").cleanPath(".gradle/caches").build();
    started(context, settings, runtime);

    context.failBody(new AbortException("No space left on device"));

    assertThat(runtime.cleaned).containsExactly(List.of("build", ".gradle/caches"));
    assertThat(context.bodies).hasSize(2);
    assertThat(context.log()).contains("clean retry: deleted [build, .gradle/caches]");
  }

  @Test
  void cleanRetryWithoutCleanPathsOrWithAFailingCleanStillRetries() {
    FakeStepContext context = new FakeStepContext();
    FakeRuntime runtime =
        new FakeRuntime(
            lines -> diagnosis(Category.RESOURCE),
            (d, s) -> GuardDecision.cleanRetry(Duration.ZERO, "clean first"));
    started(context, GuardSettings.ofDefaults(), runtime);
    context.failBody(new AbortException("No space left on device"));

    FakeStepContext other = new FakeStepContext();
    FakeRuntime failing =
        new FakeRuntime(
            lines -> diagnosis(Category.RESOURCE),
            (d, s) -> GuardDecision.cleanRetry(Duration.ZERO, "clean first"));
    failing.cleanFailure = new IOException("agent went away");
    started(other, GuardSettings.custom().cleanPath("out").build(), failing);
    other.failBody(new AbortException("No space left on device"));

    assertThat(runtime.cleaned).isEmpty();
    assertThat(context.log()).contains("sets no cleanPaths: retrying without cleaning");
    assertThat(context.bodies).hasSize(2);
    assertThat(other.log()).contains("could not clean: agent went away");
    assertThat(other.bodies).hasSize(2);
  }

  @Test
  void cleanPathsMustStayInsideTheWorkspace() {
    for (String bad : List.of("/etc", "../x", "a/../../b", ".", "", "~/cache", "C:\\x", "a//b")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> GuardSettings.custom().cleanPath(bad))
          .as(bad)
          .hasMessageContaining("inside the workspace");
    }
    assertThat(GuardSettings.custom().cleanPath(" target/ ").build().cleanPaths())
        .containsExactly("target");
  }
}
