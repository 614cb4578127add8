package io.pipelineguard.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepairPlannerTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RepairPlanner planner = RepairPlanner.of(RepairPolicy.ofDefaults(), clock);

  private static Diagnosis diagnosis(Category c, boolean transientFailure, String signature) {
    return new Diagnosis(c, transientFailure, 0.9, List.of(), signature, false, "test");
  }

  private static RepairContext ctx(String pipeline, String job, String commit, int attempt) {
    return RepairContext.builder()
        .platform("gitlab")
        .pipeline(pipeline)
        .job(job)
        .commit(commit)
        .attempt(attempt)
        .build();
  }

  /** Plans, reruns while the plan says so, and reports every rerun as failed. */
  private int rerunsUntilGiveUp(Diagnosis d, RepairContext first) {
    int reruns = 0;
    RepairContext c = first;
    for (int i = 0; i < 50; i++) {
      RepairPlan plan = planner.plan(d, c);
      if (!plan.reruns()) {
        return reruns;
      }
      reruns++;
      clock.advance(Duration.ofMinutes(11));
      planner.recordOutcome(d, c, plan.primary().strategy(), false);
      c = c.toBuilder().attempt(c.attempt() + 1).build();
    }
    return reruns;
  }

  @Test
  void transientFailureClimbsTheLadderThenEscalates() {
    Diagnosis d = diagnosis(Category.NETWORK, true, "net:clone");
    RepairContext c1 = ctx("shop", "build", "abc", 1);

    RepairPlan first = planner.plan(d, c1);
    planner.recordOutcome(d, c1, first.primary().strategy(), false);
    RepairPlan second = planner.plan(d, c1.toBuilder().attempt(2).build());
    RepairPlan third = planner.plan(d, c1.toBuilder().attempt(3).build());

    assertThat(first.primary().strategy()).isEqualTo(RepairStrategy.RETRY_WITH_BACKOFF);
    assertThat(first.primary().delay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(first.explanation()).contains("network").contains("retry with backoff");
    assertThat(second.primary().strategy()).isEqualTo(RepairStrategy.CLEAN_RETRY);
    assertThat(second.primary().delay()).isEqualTo(Duration.ofSeconds(60));
    assertThat(third.actions())
        .extracting(RepairAction::strategy)
        .containsExactly(RepairStrategy.ESCALATE);
    assertThat(third.primary().reason()).contains("the cap is 3");
  }

  @Test
  void patternThatAlwaysFailsAfterRetryNeverExceedsTheCap() {
    Diagnosis d = diagnosis(Category.INFRASTRUCTURE, true, "infra:runner-lost");

    int reruns = rerunsUntilGiveUp(d, ctx("shop", "build", "c1", 1));

    assertThat(reruns).isEqualTo(RepairPolicy.DEFAULT_MAX_ATTEMPTS - 1);
  }

  @Test
  void learningStopsRetryingASignatureThatRetriesNeverFix() {
    Diagnosis d = diagnosis(Category.TIMEOUT, true, "timeout:integration");
    int[] reruns = new int[6];

    for (int commit = 0; commit < reruns.length; commit++) {
      reruns[commit] = rerunsUntilGiveUp(d, ctx("shop", "it", "commit-" + commit, 1));
      clock.advance(Duration.ofHours(1));
    }

    assertThat(reruns[0]).isEqualTo(2);
    assertThat(reruns[reruns.length - 1]).isZero();
    RepairPlan later = planner.plan(d, ctx("shop", "it", "commit-x", 1));
    assertThat(later.reruns()).isFalse();
    assertThat(later.explanation()).contains("has fixed this signature 0 of");
  }

  @Test
  void deterministicFailureIsNotRetried() {
    Diagnosis d = diagnosis(Category.COMPILATION, false, "compile:Foo.java");

    RepairPlan plan = planner.plan(d, ctx("shop", "build", "abc", 1));

    assertThat(plan.reruns()).isFalse();
    assertThat(plan.primary().strategy()).isEqualTo(RepairStrategy.ESCALATE);
    assertThat(plan.explanation()).contains("compilation failures reproduce");
  }

  @Test
  void learningMayRetryADeterministicCategoryAfterReranRunsPassed() {
    Diagnosis d = diagnosis(Category.TEST_FAILURE, false, "test:FlakyIT");
    for (int i = 0; i < 4; i++) {
      planner.recordOutcome(
          d, ctx("shop", "test", "m" + i, 2), RepairStrategy.RETRY_WITH_BACKOFF, true);
    }

    RepairPlan plan = planner.plan(d, ctx("shop", "test", "new", 1));

    assertThat(plan.reruns()).isTrue();
    assertThat(plan.explanation())
        .contains("Learning overrides")
        .contains("has fixed this signature 4 of 4 times in shop");
  }

  @Test
  void unknownFailureGetsOneRetryOnTheFirstAttemptOnly() {
    Diagnosis d = diagnosis(Category.UNKNOWN, false, "unknown:exit1");
    RepairContext c1 = ctx("shop", "build", "abc", 1);

    RepairPlan first = planner.plan(d, c1);
    planner.recordOutcome(d, c1, first.primary().strategy(), false);
    RepairPlan second = planner.plan(d, c1.toBuilder().attempt(2).build());
    RepairPlan laterRun = planner.plan(d, ctx("shop", "build", "other", 2));

    assertThat(first.reruns()).isTrue();
    assertThat(second.reruns()).isFalse();
    assertThat(second.explanation()).contains("on the first attempt only");
    assertThat(laterRun.reruns()).isFalse();
  }

  @Test
  void deterministicCategoryWithConfidentTransientEvidenceClimbsTheLadder() {
    // e.g. a linker killed without naming a missing symbol: compilation, but transient
    Diagnosis d =
        new Diagnosis(Category.COMPILATION, true, 0.9, List.of(), "compile:ld", false, "killed");
    RepairContext c1 = ctx("shop", "build", "abc", 1);

    RepairPlan first = planner.plan(d, c1);
    planner.recordOutcome(d, c1, first.primary().strategy(), false);
    RepairPlan second = planner.plan(d, c1.toBuilder().attempt(2).build());

    assertThat(first.primary().strategy()).isEqualTo(RepairStrategy.RETRY_WITH_BACKOFF);
    assertThat(first.explanation()).contains("the log shows a transient cause");
    assertThat(second.primary().strategy()).isEqualTo(RepairStrategy.CLEAN_RETRY);
    assertThat(rerunsUntilGiveUp(d, ctx("shop", "build", "def", 1)))
        .isLessThanOrEqualTo(RepairPolicy.DEFAULT_MAX_ATTEMPTS - 1);
  }

  @Test
  void transientEvidenceBelowItsConfidenceGetsOnlyTheUnknownProbe() {
    Diagnosis d =
        new Diagnosis(Category.COMPILATION, true, 0.7, List.of(), "compile:ld", false, "killed");
    RepairContext c1 = ctx("shop", "build", "abc", 1);

    RepairPlan first = planner.plan(d, c1);
    planner.recordOutcome(d, c1, first.primary().strategy(), false);
    RepairPlan second = planner.plan(d, c1.toBuilder().attempt(2).build());

    assertThat(first.reruns()).isTrue();
    assertThat(first.explanation()).contains("contradicts the category's kind");
    assertThat(second.reruns()).isFalse();
    assertThat(second.explanation()).contains("on the first attempt only");
  }

  @Test
  void policyCanKeepEveryContradictionUncertain() {
    RepairPlanner strict =
        RepairPlanner.of(RepairPolicy.custom().transientEvidenceMinConfidence(1.0).build(), clock);
    Diagnosis d =
        new Diagnosis(Category.COMPILATION, true, 0.95, List.of(), "compile:ld", false, "killed");
    RepairContext c1 = ctx("shop", "build", "abc", 1);

    RepairPlan first = strict.plan(d, c1);
    strict.recordOutcome(d, c1, first.primary().strategy(), false);

    assertThat(first.explanation()).contains("treated as unknown");
    assertThat(strict.plan(d, c1.toBuilder().attempt(2).build()).reruns()).isFalse();
  }

  @Test
  void transientCategoryCalledDeterministicKeepsItsOneProbe() {
    // e.g. a full disk on a persistent runner: resource, but the diagnosis says it persists
    Diagnosis d = diagnosis(Category.RESOURCE, false, "resource:disk-full");
    RepairContext c1 = ctx("shop", "build", "abc", 1);

    RepairPlan first = planner.plan(d, c1);
    planner.recordOutcome(d, c1, first.primary().strategy(), false);

    assertThat(first.reruns()).isTrue();
    assertThat(first.explanation()).contains("treated as unknown");
    assertThat(planner.plan(d, c1.toBuilder().attempt(2).build()).reruns()).isFalse();
  }

  @Test
  void mixedCategoryDiagnosedTransientStartsFromTheTransientPrior() {
    // One failed retry of another deployment failure must not stop retries of the whole
    // category: a diagnosis that calls it transient starts from the transient prior.
    Diagnosis other = diagnosis(Category.DEPLOYMENT, true, "deploy:registry-503");
    planner.recordOutcome(
        other, ctx("shop", "tag", "old", 2), RepairStrategy.RETRY_WITH_BACKOFF, false);
    Diagnosis d = diagnosis(Category.DEPLOYMENT, true, "deploy:push-timeout");

    RepairPlan plan = planner.plan(d, ctx("shop", "tag", "abc", 1));

    assertThat(plan.reruns()).isTrue();
    assertThat(plan.explanation()).contains("deployment failures 0 of 1");
  }

  /** Probes {@code n} unknown failures of distinct signatures and pipelines; all probes fail. */
  private void failProbes(RepairPlanner p, int n) {
    for (int i = 0; i < n; i++) {
      Diagnosis d = diagnosis(Category.UNKNOWN, false, "unknown:" + i);
      RepairContext c = ctx("repo-" + i, "build", "c" + i, 1);
      RepairPlan plan = p.plan(d, c);
      assertThat(plan.reruns()).isTrue();
      p.recordOutcome(d, c, plan.primary().strategy(), false);
      clock.advance(Duration.ofMinutes(11));
    }
  }

  @Test
  void probesThatKeepFailingEverywhereStopUntilTheirFailuresFade() {
    failProbes(planner, RepairPlanner.PROBE_LEARNING_MIN_OUTCOMES);
    Diagnosis fresh = diagnosis(Category.UNKNOWN, false, "unknown:new");

    RepairPlan stopped = planner.plan(fresh, ctx("elsewhere", "build", "x", 1));
    clock.advance(RepairPolicy.ofDefaults().learningHalfLife().multipliedBy(4));
    RepairPlan later = planner.plan(fresh, ctx("elsewhere", "build", "y", 1));

    assertThat(stopped.reruns()).isFalse();
    assertThat(stopped.explanation())
        .contains("probes of uncertain failures have lately paid off 14% of the time (5 probes)");
    assertThat(later.reruns()).isTrue();
  }

  @Test
  void fewFailedProbesOrAZeroFloorKeepProbing() {
    RepairPlanner noFloor =
        RepairPlanner.of(RepairPolicy.custom().minProbeSuccess(0.0).build(), clock);
    failProbes(planner, RepairPlanner.PROBE_LEARNING_MIN_OUTCOMES - 1);
    failProbes(noFloor, 2 * RepairPlanner.PROBE_LEARNING_MIN_OUTCOMES);
    Diagnosis fresh = diagnosis(Category.UNKNOWN, false, "unknown:new");

    assertThat(planner.plan(fresh, ctx("elsewhere", "build", "x", 1)).reruns()).isTrue();
    assertThat(noFloor.plan(fresh, ctx("elsewhere", "build", "x", 1)).reruns()).isTrue();
  }

  @Test
  void transientReadsAreNotCountedAsProbes() {
    for (int i = 0; i < 10; i++) {
      Diagnosis d = diagnosis(Category.NETWORK, true, "net:" + i);
      planner.recordOutcome(
          d, ctx("repo-" + i, "b", "c" + i, 1), RepairStrategy.RETRY_WITH_BACKOFF, false);
    }

    RepairPlan plan =
        planner.plan(diagnosis(Category.UNKNOWN, false, "unknown:x"), ctx("r", "b", "c", 1));

    assertThat(plan.reruns()).isTrue();
  }

  @Test
  void lowConfidenceDeterministicIsTreatedAsUnknown() {
    Diagnosis d =
        new Diagnosis(Category.COMPILATION, false, 0.3, List.of(), "compile:x", false, "weak");

    RepairPlan plan = planner.plan(d, ctx("shop", "build", "abc", 1));

    assertThat(plan.reruns()).isTrue();
    assertThat(plan.explanation()).contains("treated as unknown");
  }

  @Test
  void guardsOwnPipelineIsNeverTouched() {
    Diagnosis d = diagnosis(Category.NETWORK, true, "net:x");

    RepairPlan plan = planner.plan(d, ctx("pipeline-guard-ci", "build", "abc", 1));

    assertThat(plan.actions())
        .extracting(RepairAction::strategy)
        .containsExactly(RepairStrategy.NONE);
    assertThat(plan.explanation()).contains("guard's own");
  }

  @Test
  void sameFailureIsNeverPlannedTwice() {
    Diagnosis d = diagnosis(Category.NETWORK, true, "net:x");
    RepairContext c = ctx("shop", "build", "abc", 1);

    RepairPlan first = planner.plan(d, c);
    RepairPlan duplicate = planner.plan(d, c);

    assertThat(first.reruns()).isTrue();
    assertThat(duplicate.primary().strategy()).isEqualTo(RepairStrategy.NONE);
    assertThat(duplicate.explanation()).contains("already planned");
  }

  @Test
  void concurrentDeliveriesOfOneFailureRerunItOnce() throws Exception {
    Diagnosis d = diagnosis(Category.NETWORK, true, "net:concurrent");
    RepairContext c = ctx("shop", "build", "abc", 1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<RepairPlan>> plans = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        plans.add(pool.submit(() -> planner.plan(d, c)));
      }
      int reruns = 0;
      for (java.util.concurrent.Future<RepairPlan> f : plans) {
        reruns += f.get().reruns() ? 1 : 0;
      }

      assertThat(reruns).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void contextRejectsBadInputWithClearMessages() {
    assertThatThrownBy(() -> ctx("shop", "build", "abc", 0))
        .hasMessage("attempt must be between 1 and 10000, was 0");
    assertThatThrownBy(() -> ctx(" ", "build", "abc", 1)).hasMessage("pipeline must not be blank");
  }

  @Test
  void redeliveredFailureIsNotRerunAfterItsChainSucceeded() {
    Diagnosis d = diagnosis(Category.NETWORK, true, "net:redelivered");
    RepairContext c = ctx("shop", "build", "abc", 1);
    RepairPlan first = planner.plan(d, c);
    planner.recordOutcome(d, c, first.primary().strategy(), true);

    RepairPlan redelivered = planner.plan(d, c);

    assertThat(redelivered.reruns()).isFalse();
    assertThat(redelivered.explanation()).contains("already planned");
  }

  @Test
  void deployThatFailsAgainAfterRollbackIsNotRolledBackTwiceInAWindow() {
    Diagnosis d = diagnosis(Category.DEPLOYMENT, false, "deploy:helm");
    RepairContext deploy =
        RepairContext.builder()
            .pipeline("shop")
            .job("deploy")
            .commit("c1")
            .deploys(true)
            .rollbackTarget("shop-rollback")
            .build();

    RepairPlan first = planner.plan(d, deploy);
    planner.recordOutcome(d, deploy, RepairStrategy.ROLLBACK, false);
    clock.advance(Duration.ofMinutes(20));
    RepairPlan second = planner.plan(d, deploy.toBuilder().commit("c2").build());
    clock.advance(Duration.ofMinutes(45));
    RepairPlan afterWindow = planner.plan(d, deploy.toBuilder().commit("c3").build());

    assertThat(first.actions())
        .extracting(RepairAction::strategy)
        .containsExactly(RepairStrategy.ROLLBACK, RepairStrategy.ESCALATE);
    assertThat(first.primary().parameters()).containsEntry("target", "shop-rollback");
    assertThat(second.contains(RepairStrategy.ROLLBACK)).isFalse();
    assertThat(afterWindow.contains(RepairStrategy.ROLLBACK)).isTrue();
  }

  @Test
  void floodOfIdenticalFailuresIsCappedAndEscalatedOnce() {
    Diagnosis d = diagnosis(Category.NETWORK, true, "net:registry-503");
    int reruns = 0;
    int escalations = 0;

    for (int i = 0; i < 30; i++) {
      RepairPlan plan = planner.plan(d, ctx("shop", "job-" + i, "c" + i, 1));
      reruns += plan.reruns() ? 1 : 0;
      escalations += plan.contains(RepairStrategy.ESCALATE) ? 1 : 0;
      clock.advance(Duration.ofSeconds(10));
    }

    assertThat(reruns).isEqualTo(RepairPolicy.DEFAULT_FLOOD_LIMIT);
    assertThat(escalations).isEqualTo(1);
  }

  @Test
  void endlessFailureEventsNeverLoopPastTheCap() {
    Diagnosis d = diagnosis(Category.RESOURCE, true, "oom");
    Map<String, Integer> rerunsPerJob = new HashMap<>();

    for (int event = 0; event < 200; event++) {
      String commit = "c" + (event % 3);
      RepairContext c = ctx("shop", "build", commit, 1 + event / 3);
      RepairPlan plan = planner.plan(d, c);
      if (plan.reruns()) {
        rerunsPerJob.merge(commit, 1, Integer::sum);
        planner.recordOutcome(d, c, plan.primary().strategy(), false);
      }
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(rerunsPerJob.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
  }

  @Test
  void cooldownKeepsTheGuardHandsOffAfterAFailedChain() {
    Diagnosis d = diagnosis(Category.NETWORK, true, "net:y");
    rerunsUntilGiveUp(d, ctx("shop", "build", "c1", 1));

    RepairPlan during = planner.plan(d, ctx("shop", "build", "c2", 1));
    clock.advance(Duration.ofMinutes(11));
    RepairPlan after = planner.plan(d, ctx("shop", "build", "c3", 1));

    assertThat(during.primary().strategy()).isEqualTo(RepairStrategy.NONE);
    assertThat(during.explanation()).contains("hands-off");
    assertThat(after.reruns()).isTrue();
  }

  @Test
  void criticalJobTellsPeopleWhileRetrying() {
    Diagnosis d = diagnosis(Category.NETWORK, true, "net:z");
    RepairContext c =
        ctx("shop", "build", "abc", 1).toBuilder().criticality(Criticality.CRITICAL).build();

    RepairPlan plan = planner.plan(d, c);

    assertThat(plan.actions())
        .extracting(RepairAction::strategy)
        .containsExactly(RepairStrategy.RETRY_WITH_BACKOFF, RepairStrategy.ESCALATE);
  }

  @Test
  void successfulRerunEndsTheChain() {
    Diagnosis d = diagnosis(Category.NETWORK, true, "net:w");
    RepairContext c = ctx("shop", "build", "abc", 1);
    planner.recordOutcome(d, c, planner.plan(d, c).primary().strategy(), false);
    RepairContext c2 = c.toBuilder().attempt(2).build();
    planner.recordOutcome(d, c2, planner.plan(d, c2).primary().strategy(), true);

    RepairPlan nextRun = planner.plan(d, c.toBuilder().attempt(3).build());

    assertThat(nextRun.primary().strategy()).isEqualTo(RepairStrategy.RETRY_WITH_BACKOFF);
  }
}
