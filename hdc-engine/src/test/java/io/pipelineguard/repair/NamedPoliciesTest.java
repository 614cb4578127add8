package io.pipelineguard.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedPoliciesTest {
  @Test
  void spec_overrides_only_what_it_names() {
    RepairPolicy p =
        PolicySpec.parse(
            "maxAttempts=2 backoff=1m backoffMax=20m ladder=retry_with_backoff,rollback"
                + " minConfidence=0.7 escalation=off",
            RepairPolicy.ofDefaults());

    assertThat(p.maxAttempts()).isEqualTo(2);
    assertThat(p.backoff().delayBefore(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.backoff().delayBefore(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.backoff().delayBefore(9)).isEqualTo(Duration.ofMinutes(20));
    assertThat(p.ladder())
        .containsExactly(RepairStrategy.RETRY_WITH_BACKOFF, RepairStrategy.ROLLBACK);
    assertThat(p.minConfidence()).isEqualTo(0.7);
    assertThat(p.escalation()).isFalse();
    assertThat(p.cooldown()).isEqualTo(RepairPolicy.DEFAULT_COOLDOWN);
  }

  @Test
  void zero_backoff_never_waits() {
    RepairPolicy p = PolicySpec.parse("backoff=0", RepairPolicy.ofDefaults());

    assertThat(p.backoff().delayBefore(3)).isZero();
  }

  @Test
  void bad_specs_say_which_setting_is_wrong() {
    RepairPolicy base = RepairPolicy.ofDefaults();
    assertThatThrownBy(() -> PolicySpec.parse("maxAttempts=11", base))
        .hasMessageStartingWith("maxAttempts: ");
    assertThatThrownBy(() -> PolicySpec.parse("backoff=10", base))
        .hasMessageContaining("backoff: '10' needs a unit");
    assertThatThrownBy(() -> PolicySpec.parse("ladder=retry,rollback", base))
        .hasMessageContaining("unknown strategy 'retry'");
    assertThatThrownBy(() -> PolicySpec.parse("cooldown=1m cooldown=2m", base))
        .hasMessage("cooldown is given twice");
    assertThatThrownBy(() -> PolicySpec.parse("speed=fast", base))
        .hasMessageStartingWith("speed: unknown setting");
    assertThatThrownBy(() -> PolicySpec.parse("maxAttempts", base))
        .hasMessage("'maxAttempts' is not key=value");
    assertThatThrownBy(() -> PolicySpec.parse("transientEvidenceMinConfidence=2", base))
        .hasMessageStartingWith("transientEvidenceMinConfidence: ");
    assertThat(
            PolicySpec.parse("transientEvidenceMinConfidence=0.9", base)
                .transientEvidenceMinConfidence())
        .isEqualTo(0.9);
    assertThatThrownBy(() -> PolicySpec.parse("minConfidence=1.5", base))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> PolicySpec.parse("x".repeat(1001), base))
        .hasMessageContaining("at most 1000");
  }

  @Test
  void presets_differ_where_their_names_promise() {
    NamedPolicies named = NamedPolicies.builtIn();

    assertThat(named.names())
        .containsExactly("default", "cautious", "deploy", "no-retry", "patient");
    assertThat(named.get("default").ladder()).isEqualTo(RepairPolicy.ofDefaults().ladder());
    assertThat(named.get("cautious").maxAttempts()).isEqualTo(2);
    assertThat(named.get("cautious").learnedRetryOfDeterministic()).isFalse();
    assertThat(named.get("deploy").ladder())
        .containsExactly(
            RepairStrategy.RETRY_WITH_BACKOFF, RepairStrategy.ROLLBACK, RepairStrategy.ESCALATE);
    assertThat(named.get("no-retry").ladder()).noneMatch(RepairStrategy::isRerun);
    assertThat(named.get("patient").backoff().delayBefore(1)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void custom_definitions_add_to_the_presets_and_report_their_line() {
    NamedPolicies named =
        NamedPolicies.builtInPlus(
            "# ours\n\nnightly: maxAttempts=4 backoff=5m\ndeploy: maxAttempts=1\n");

    assertThat(named.get("nightly").maxAttempts()).isEqualTo(4);
    assertThat(named.get("deploy").maxAttempts()).isEqualTo(1);
    assertThat(named.has("cautious")).isTrue();
    assertThatThrownBy(() -> NamedPolicies.builtInPlus("ok: maxAttempts=2\nbad maxAttempts=2"))
        .hasMessageStartingWith("line 2: expected 'name: key=value ...'");
    assertThatThrownBy(() -> NamedPolicies.builtInPlus("x: ladder=rollback,rollback"))
        .hasMessageStartingWith("line 1: policy x: ladder: ");
    assertThatThrownBy(() -> NamedPolicies.builtIn().get("fast"))
        .hasMessageContaining("unknown repair policy 'fast'")
        .hasMessageContaining("cautious");
  }

  @Test
  void a_named_policy_drives_the_planner() {
    io.pipelineguard.diagnosis.Diagnosis network =
        new io.pipelineguard.diagnosis.Diagnosis(
            io.pipelineguard.diagnosis.Category.NETWORK,
            true,
            0.95,
            List.of(),
            "sig-1",
            false,
            "could not resolve host");
    RepairContext context =
        RepairContext.builder()
            .platform("jenkins")
            .pipeline("shop")
            .job("deploy")
            .attempt(1)
            .build();

    RepairPlan normal = planner("default").plan(network, context);
    RepairPlan noRetry = planner("no-retry").plan(network, context);

    assertThat(normal.primary().strategy().isRerun()).isTrue();
    assertThat(noRetry.primary().strategy().isRerun()).isFalse();
  }

  private static RepairPlanner planner(String name) {
    return new RepairPlanner(
        NamedPolicies.builtIn().get(name),
        new io.pipelineguard.repair.learning.RepairStatistics(Duration.ofDays(30)),
        java.time.Clock.systemUTC());
  }
}
