package io.pipelineguard.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RepairPolicyTest {

  @Test
  void defaultsFollowTheSeed() {
    RepairPolicy p = RepairPolicy.ofDefaults();

    assertThat(p.maxAttempts()).isEqualTo(3);
    assertThat(p.cooldown()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.escalation()).isTrue();
    assertThat(p.ladder())
        .containsExactly(
            RepairStrategy.RETRY_WITH_BACKOFF,
            RepairStrategy.CLEAN_RETRY,
            RepairStrategy.ROLLBACK,
            RepairStrategy.ESCALATE);
    assertThat(p.isSelfPipeline("Pipeline-Guard-release")).isTrue();
    assertThat(p.isSelfPipeline("shop")).isFalse();
  }

  @Test
  void zeroMaxAttemptsShouldFail() {
    assertThatThrownBy(() -> RepairPolicy.custom().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be between 1 and 10, was 0");
  }

  @Test
  void negativeCooldownShouldFail() {
    assertThatThrownBy(() -> RepairPolicy.custom().cooldown(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cooldown must be between");
  }

  @Test
  void ladderWithRerunAfterRollbackShouldFail() {
    RepairPolicy.Builder b =
        RepairPolicy.custom().ladder(List.of(RepairStrategy.ROLLBACK, RepairStrategy.RETRY_JOB));

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rerun strategies before ROLLBACK");
  }

  @Test
  void ladderListingEscalateOrNoneShouldFail() {
    assertThatThrownBy(() -> RepairPolicy.custom().ladder(List.of(RepairStrategy.ESCALATE)))
        .hasMessageContaining("escalation(true)");
    assertThatThrownBy(() -> RepairPolicy.custom().ladder(List.of(RepairStrategy.NONE)))
        .hasMessage("ladder must not contain NONE");
  }

  @Test
  void escalationOffDropsThePeopleRung() {
    RepairPolicy p = RepairPolicy.custom().escalation(false).build();

    assertThat(p.ladder()).doesNotContain(RepairStrategy.ESCALATE);
  }

  @Test
  void fromCopiesEveryField() {
    RepairPolicy base =
        RepairPolicy.custom()
            .maxAttempts(5)
            .cooldown(Duration.ofMinutes(3))
            .minConfidence(0.7)
            .floodLimit(2)
            .selfPipelines(Set.of("guard-ci"))
            .build();

    RepairPolicy copy = RepairPolicy.from(base).build();

    assertThat(copy.toString()).isEqualTo(base.toString());
    assertThat(copy.ladder()).isEqualTo(base.ladder());
  }

  @Test
  void transientEvidenceMinConfidenceDefaultsAndIsValidated() {
    assertThat(RepairPolicy.ofDefaults().transientEvidenceMinConfidence())
        .isEqualTo(RepairPolicy.DEFAULT_TRANSIENT_EVIDENCE_MIN_CONFIDENCE);
    RepairPolicy p = RepairPolicy.custom().transientEvidenceMinConfidence(0.95).build();

    assertThat(RepairPolicy.from(p).build().transientEvidenceMinConfidence()).isEqualTo(0.95);
    assertThat(p.toString()).contains("transientEvidenceMinConfidence=0.95");
    assertThatThrownBy(() -> RepairPolicy.custom().transientEvidenceMinConfidence(1.2))
        .hasMessageContaining("transientEvidenceMinConfidence")
        .hasMessageContaining("must be within [0, 1]");
    assertThatThrownBy(() -> RepairPolicy.custom().transientEvidenceMinConfidence(Double.NaN))
        .hasMessageContaining("transientEvidenceMinConfidence");
  }

  @Test
  void minProbeSuccessDefaultsAndIsValidated() {
    assertThat(RepairPolicy.ofDefaults().minProbeSuccess())
        .isEqualTo(RepairPolicy.DEFAULT_MIN_PROBE_SUCCESS);
    RepairPolicy p = RepairPolicy.custom().minProbeSuccess(0.0).build();

    assertThat(RepairPolicy.from(p).build().minProbeSuccess()).isZero();
    assertThatThrownBy(() -> RepairPolicy.custom().minProbeSuccess(-0.1))
        .hasMessage("minProbeSuccess must be within [0, 1], was -0.1");
    assertThat(PolicySpec.parse("minProbeSuccess=0.5", p).minProbeSuccess()).isEqualTo(0.5);
  }

  @Test
  void backoffGrowsAndCaps() {
    Backoff b = Backoff.exponential(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(2));

    assertThat(b.delayBefore(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(b.delayBefore(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(b.delayBefore(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(b.delayBefore(1000)).isEqualTo(Duration.ofSeconds(120));
    assertThatThrownBy(() -> b.delayBefore(0)).hasMessage("retryNumber must be >= 1, was 0");
    assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(2)))
        .hasMessage("multiplier must be between 1.0 and 10.0, was 0.5");
  }
}
