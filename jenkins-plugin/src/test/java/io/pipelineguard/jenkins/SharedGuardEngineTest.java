package io.pipelineguard.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.repair.RepairStrategy;
import io.pipelineguard.repair.learning.StatsKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real engine (hdc-engine's diagnoser and planner) behind the seam, on made-up logs. */
class SharedGuardEngineTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

  private static final List<String> DNS_FAILURE =
      List.of(
          "+ ./fetch-artifacts.sh",
          "Fetching the toolchain bundle",
          "curl: (6) Could not resolve host: mirror.build.example.internal",
          "ERROR: script returned exit code 6");

  private static final List<String> COMPILE_ERROR =
      List.of(
          "[INFO] --- compiler:3.13.0:compile (default-compile) @ shop ---",
          "[ERROR] /ws/src/main/java/shop/Cart.java:[41,17] cannot find symbol",
          "[ERROR]   symbol:   method totl()",
          "[ERROR]   location: class shop.Cart",
          "[ERROR] COMPILATION ERROR :",
          "[INFO] BUILD FAILURE");

  private static final List<String> FAILED_DEPLOY =
      List.of(
          "+ kubectl apply -f k8s/web.yaml",
          "deployment.apps/web configured",
          "+ kubectl rollout status deployment/web --timeout=120s",
          "Waiting for deployment \"web\" rollout to finish: 1 of 3 updated replicas",
          "error: deployment \"web\" exceeded its progress deadline",
          "ERROR: rollout status failed");

  @TempDir Path dir;

  private SharedGuardEngine engine() {
    return new SharedGuardEngine(dir, new GuardLedger(dir, CLOCK), new UserRules(dir), CLOCK);
  }

  private static GuardSituation situation(String chain, int attempt, boolean rollback) {
    return new GuardSituation("shop/main", chain, attempt, 3, "default", rollback, Set.of());
  }

  @Test
  void unresolvableHostIsRetriedWithBackoffWithinTheCaps() {
    SharedGuardEngine engine = engine();
    Diagnosis d = engine.diagnose(DNS_FAILURE);

    assertThat(d.category()).isEqualTo(Category.NETWORK);
    assertThat(d.transientFailure()).isTrue();
    assertThat(d.evidence()).anySatisfy(s -> assertThat(s.contains(3)).isTrue());
    GuardDecision first = engine.decide(d, situation("b1", 1, false));
    assertThat(first.action()).isEqualTo(GuardDecision.Action.RETRY);
    assertThat(first.backoff()).isPositive().isLessThanOrEqualTo(GuardCaps.MAX_BACKOFF);
    assertThat(first.reason()).contains("network");
    GuardDecision last = engine.decide(d, situation("b1", 3, false));
    assertThat(last.action()).isEqualTo(GuardDecision.Action.FAIL);
  }

  @Test
  void guardStepRetriesANetworkFailureAndFailsWhenAttemptsRunOut() {
    FakeRuntime runtime = FakeRuntime.around(engine());
    runtime.logLines = DNS_FAILURE;
    FakeStepContext context = new FakeStepContext();
    GuardStepExecution execution =
        new GuardStepExecution(context, GuardSettings.custom().maxAttempts(3).build(), runtime);
    execution.start();

    context.failBody(new AbortException("script returned exit code 6"));
    runtime.fireTimer();
    context.failBody(new AbortException("script returned exit code 6"));
    runtime.fireTimer();
    context.failBody(new AbortException("script returned exit code 6"));

    assertThat(context.bodies).hasSize(3);
    assertThat(runtime.delays).hasSize(2);
    assertThat(runtime.delays.get(1)).isGreaterThan(runtime.delays.get(0));
    assertThat(context.failure).hasMessageStartingWith("pipeline-guard: network (transient");
    assertThat(runtime.situations)
        .extracting(GuardSituation::chain)
        .containsOnly(runtime.situations.get(0).chain());
  }

  @Test
  void compileErrorFailsAtOnceWithTheDiagnosis() {
    SharedGuardEngine engine = engine();
    Diagnosis d = engine.diagnose(COMPILE_ERROR);

    assertThat(d.category()).isEqualTo(Category.COMPILATION);
    assertThat(d.transientFailure()).isFalse();
    GuardDecision decision = engine.decide(d, situation("b2", 1, false));
    assertThat(decision.action()).isEqualTo(GuardDecision.Action.FAIL);
    assertThat(decision.reason()).contains("compilation").contains("deterministic");

    FakeRuntime runtime = FakeRuntime.around(engine);
    runtime.logLines = COMPILE_ERROR;
    FakeStepContext context = new FakeStepContext();
    new GuardStepExecution(context, GuardSettings.ofDefaults(), runtime).start();
    context.failBody(new AbortException("script returned exit code 1"));

    assertThat(context.bodies).hasSize(1);
    assertThat(context.failure)
        .hasMessageStartingWith("pipeline-guard: compilation (not transient");
    assertThat(context.log()).contains("cannot find symbol");
  }

  @Test
  void failedDeployWithARollbackJobIsRolledBackOnce() {
    SharedGuardEngine engine = engine();
    Diagnosis d = engine.diagnose(FAILED_DEPLOY);
    assertThat(d.category()).isEqualTo(Category.DEPLOYMENT);

    // Through the step: deployment is never retried here, so the planner goes straight on.
    FakeRuntime runtime = FakeRuntime.around(engine);
    runtime.logLines = FAILED_DEPLOY;
    FakeStepContext context = new FakeStepContext();
    GuardSettings settings =
        GuardSettings.custom()
            .rollbackJob("ops/rollback-web")
            .neverRetry(Category.DEPLOYMENT)
            .build();
    new GuardStepExecution(context, settings, runtime).start();
    context.failBody(new AbortException("script returned exit code 1"));

    assertThat(runtime.rollbacks).containsExactly("ops/rollback-web {}");
    assertThat(context.failure).hasMessageStartingWith("pipeline-guard: rollback: deployment");

    // Another build of the same job within the rollback window: no second rollback.
    FakeRuntime again = FakeRuntime.around(engine);
    again.logLines = FAILED_DEPLOY;
    FakeStepContext second = new FakeStepContext();
    new GuardStepExecution(second, settings, again).start();
    second.failBody(new AbortException("script returned exit code 1"));
    assertThat(again.rollbacks).isEmpty();
    assertThat(second.failure).hasMessageStartingWith("pipeline-guard: deployment");
    assertThat(second.log()).contains("already rolled back");
  }

  @Test
  void outcomesUpdateTheStatisticsAndSurviveAReload() {
    SharedGuardEngine engine = engine();
    Diagnosis d = engine.diagnose(DNS_FAILURE);
    engine.decide(d, situation("b3", 1, false));
    engine.recordOutcome(
        new RepairOutcome(
            "shop/main", d.signature(), d.category(), GuardDecision.Action.RETRY, 2, true));

    StatsKey key = StatsKey.pattern("shop/main", d.signature(), RepairStrategy.RETRY_WITH_BACKOFF);
    assertThat(engine.statistics().snapshot().get(key).successes()).isEqualTo(1);
    assertThat(dir.resolve(SharedGuardEngine.STATS_FILE)).exists();

    SharedGuardEngine reloaded = engine();
    assertThat(reloaded.statistics().snapshot().get(key).successes()).isEqualTo(1);
    assertThat(new GuardLedger(dir, CLOCK).repairStats())
        .singleElement()
        .satisfies(s -> assertThat(s.category()).isEqualTo(Category.NETWORK));
  }

  @Test
  void damagedStatisticsAreSetAsideAndLearningStartsAfresh() throws Exception {
    Files.writeString(dir.resolve(SharedGuardEngine.STATS_FILE), "not statistics\n");

    assertThat(engine().statistics().size()).isZero();
    assertThat(dir.resolve(SharedGuardEngine.STATS_FILE + ".damaged")).exists();
  }

  @Test
  void anAdministratorsRuleChangesTheCategory() {
    List<String> log =
        List.of("+ ./integration.sh", "ERROR: sandbox quota bucket drained for team shop");
    UserRules rules = new UserRules(dir);
    SharedGuardEngine withRule =
        new SharedGuardEngine(dir, new GuardLedger(dir, CLOCK), rules, CLOCK);
    assertThat(withRule.diagnose(log).category()).isNotEqualTo(Category.RESOURCE);

    // Added on the management page: the next diagnosis uses it.
    rules.put(new UserRule("sandbox-quota", Category.RESOURCE, "quota bucket (drained|empty)"));
    Diagnosis d = withRule.diagnose(log);

    assertThat(d.category()).isEqualTo(Category.RESOURCE);
    assertThat(d.explanation()).contains("jenkins-rule.sandbox-quota");
    assertThat(d.evidence()).anySatisfy(s -> assertThat(s.contains(2)).isTrue());

    rules.remove("sandbox-quota");
    assertThat(withRule.diagnose(log).category()).isNotEqualTo(Category.RESOURCE);
  }

  @Test
  void correctionsTeachThePrototypesAndPersist() {
    List<String> flakyAgent =
        List.of(
            "+ make package",
            "ERROR: agent heartbeat lost while archiving: worker gamma-7 vanished",
            "ERROR: workspace handle went stale on worker gamma-7");
    List<String> badLicence =
        List.of(
            "+ make licence-check",
            "ERROR: licence scanner rejected artefact: clause 4b not acknowledged",
            "ERROR: licence scanner verdict: blocked");
    SharedGuardEngine engine = engine();
    Diagnosis agent = engine.diagnose(flakyAgent);
    Diagnosis licence = engine.diagnose(badLicence);
    assertThat(agent.category()).isNotEqualTo(Category.INFRASTRUCTURE);

    assertThat(engine.learnFeedback(agent.signature(), Category.INFRASTRUCTURE)).isTrue();
    assertThat(engine.learnFeedback(licence.signature(), Category.QUALITY_GATE)).isTrue();
    assertThat(engine.learnFeedback("never/seen", Category.NETWORK)).isFalse();
    assertThat(dir.resolve(PrototypeModelStore.FILE)).exists();

    // A fresh engine reads the saved model; the same failure is now recognised.
    Diagnosis later = engine().diagnose(flakyAgent);
    assertThat(later.category()).isEqualTo(Category.INFRASTRUCTURE);
    assertThat(later.explanation()).containsIgnoringCase("prototype");
  }

  @Test
  void neverRetriedCategoryIsNotRetriedByThePlanner() {
    SharedGuardEngine engine = engine();
    Diagnosis d = engine.diagnose(DNS_FAILURE);
    GuardSituation s =
        new GuardSituation("shop/main", "b9", 1, 3, "default", false, Set.of(Category.NETWORK));

    assertThat(engine.decide(d, s).action()).isEqualTo(GuardDecision.Action.FAIL);
  }

  @Test
  void namedPoliciesChangeTheDecisionAndUnknownNamesAreRefused() {
    GuardPolicies policies =
        new GuardPolicies(() -> "default", () -> "strict: maxAttempts=1 ladder=rollback\n");
    SharedGuardEngine engine =
        new SharedGuardEngine(
            dir, new GuardLedger(dir, CLOCK), new UserRules(dir), CLOCK, policies);
    Diagnosis d = engine.diagnose(DNS_FAILURE);

    GuardDecision normal = engine.decide(d, situation("b1", 1, false));
    GuardDecision strict =
        engine.decide(d, new GuardSituation("shop/main", "b2", 1, 3, "strict", false, Set.of()));
    GuardDecision noRetry =
        engine.decide(d, new GuardSituation("shop/main", "b3", 1, 3, "no-retry", false, Set.of()));

    assertThat(normal.action()).isEqualTo(GuardDecision.Action.RETRY);
    assertThat(strict.action()).isNotEqualTo(GuardDecision.Action.RETRY);
    assertThat(noRetry.action()).isNotEqualTo(GuardDecision.Action.RETRY);
    engine.checkPolicy("cautious");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.checkPolicy("speedy"))
        .hasMessageContaining("unknown repair policy 'speedy'")
        .hasMessageContaining("strict");
  }

  @Test
  void theControllersDefaultPolicyAppliesToGuardsNamingNoneAndBadDefinitionsAreReported() {
    GuardPolicies noRetryByDefault = new GuardPolicies(() -> "no-retry", () -> "");
    SharedGuardEngine engine =
        new SharedGuardEngine(
            dir, new GuardLedger(dir, CLOCK), new UserRules(dir), CLOCK, noRetryByDefault);
    GuardPolicies broken = new GuardPolicies(() -> "default", () -> "x: maxAttempts=99");

    GuardDecision decision = engine.decide(engine.diagnose(DNS_FAILURE), situation("b1", 1, false));

    assertThat(decision.action()).isNotEqualTo(GuardDecision.Action.RETRY);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> broken.resolve("default"))
        .hasMessageContaining("custom repair policies")
        .hasMessageContaining("line 1: policy x: maxAttempts");
  }
}
