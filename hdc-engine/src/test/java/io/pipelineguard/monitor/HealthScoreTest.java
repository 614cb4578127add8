package io.pipelineguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthScoreTest {
  private final HealthScore health = new HealthScore(MonitorSettings.defaults());
  private final PipelineExpectations defaults = PipelineExpectations.defaults();

  @Test
  void passingPipelineAtItsUsualSpeedIsHealthyWithScoreOne() {
    PipelineHealth result =
        health.compute(new Series(1).noisy(20, 300, 20, true).points(), defaults);

    assertThat(result.status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(result.score()).isEqualTo(1.0);
    assertThat(result.successRate()).isEqualTo(1.0);
    assertThat(result.runs()).isEqualTo(20);
    assertThat(result.trend()).isEqualTo(DurationTrend.FLAT);
  }

  @Test
  void tooFewRunsIsUnknownWithoutAScore() {
    PipelineHealth result =
        health.compute(new Series(1).noisy(2, 300, 20, false).points(), defaults);

    assertThat(result.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(result.score()).isNull();
    assertThat(result.successRate()).isEqualTo(0.0);
    assertThat(health.compute(List.of(), defaults).runs()).isZero();
  }

  @Test
  void failingStreakMakesItCritical() {
    Series series = new Series(2).noisy(7, 300, 20, true).noisy(3, 300, 20, false);

    PipelineHealth result = health.compute(series.points(), defaults);

    // S = 1 - (0.9 - 0.7) / 0.25 = 0.2, D = 1, F = 0: 0.1 + 0.25 + 0 = 0.35
    assertThat(result.score()).isEqualTo(0.35);
    assertThat(result.status()).isEqualTo(HealthStatus.CRITICAL);
    assertThat(result.consecutiveFailures()).isEqualTo(3);
  }

  @Test
  void occasionalFailureStaysHealthy() {
    Series series = new Series(3).noisy(9, 300, 20, true).add(310, false).add(300, true);

    assertThat(health.compute(series.points(), defaults).status()).isEqualTo(HealthStatus.HEALTHY);
  }

  @Test
  void slowerThanExpectedLowersTheScoreToAWarning() {
    PipelineExpectations expected =
        PipelineExpectations.builder().expectedDurationSeconds(100.0).build();
    Series series = new Series(4).noisy(8, 300, 5, true).add(300, false).noisy(1, 300, 5, true);

    PipelineHealth result = health.compute(series.points(), expected);

    // ratio 3: D = 0; S = 1; F = 1: 0.5 + 0 + 0.25 = 0.75 -> healthy; one failure more warns
    assertThat(result.score()).isEqualTo(0.75);
    series.add(300, false);
    assertThat(health.compute(series.points(), expected).status()).isEqualTo(HealthStatus.WARNING);
  }

  @Test
  void thresholdsAreConfigurable() {
    HealthScore strict =
        new HealthScore(
            MonitorSettings.builder().thresholds(new HealthThresholds(0.99, 0.95)).build());
    Series series = new Series(3).noisy(4, 300, 20, true).add(310, false).noisy(4, 300, 20, true);
    series.add(310, false).add(300, true);

    // 9 of 11 passed: S = 1 - (0.9 - 0.818) / 0.25 = 0.673, score 0.836: healthy by default
    assertThat(health.compute(series.points(), defaults).score()).isEqualTo(0.836);
    assertThat(health.compute(series.points(), defaults).status()).isEqualTo(HealthStatus.HEALTHY);
    assertThat(strict.compute(series.points(), defaults).status()).isEqualTo(HealthStatus.CRITICAL);
  }

  @Test
  void trendFollowsTheMedians() {
    assertThat(
            DurationTrend.of(
                new Series(5).noisy(10, 100, 3, true).noisy(10, 200, 3, true).points()))
        .isEqualTo(DurationTrend.UP);
    assertThat(
            DurationTrend.of(
                new Series(5).noisy(10, 200, 3, true).noisy(10, 100, 3, true).points()))
        .isEqualTo(DurationTrend.DOWN);
    assertThat(DurationTrend.of(new Series(5).noisy(20, 200, 10, true).points()))
        .isEqualTo(DurationTrend.FLAT);
  }

  @Test
  void invalidSettingsAreRefusedWithTheKey() {
    assertThatThrownBy(() -> new HealthThresholds(0.5, 0.7))
        .hasMessageContaining("critical threshold");
    assertThatThrownBy(() -> MonitorSettings.builder().windowRuns(0))
        .hasMessageContaining("monitoring.window_runs");
    assertThatThrownBy(() -> PipelineExpectations.builder().expectedSuccessRate(1.5))
        .hasMessageContaining("success rate");
    assertThatThrownBy(() -> PipelineExpectations.builder().expectedDurationSeconds(0.5))
        .hasMessageContaining("expected duration");
  }
}
