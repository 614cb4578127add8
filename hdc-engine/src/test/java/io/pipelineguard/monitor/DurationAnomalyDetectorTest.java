package io.pipelineguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationAnomalyDetectorTest {
  private final DurationAnomalyDetector detector =
      new DurationAnomalyDetector(MonitorSettings.defaults());

  @Test
  void steadyNoisyPipelineRaisesNothing() {
    for (long seed = 1; seed <= 20; seed++) {
      Series series = new Series(seed).noisy(40, 300, 30, true);
      assertThat(detector.detect(series.points())).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void oneModeratelySlowRunInANoisyPipelineIsNoAlarm() {
    // 300 s +- 30 s; one run at 450 s is z ~ 5: slow, but alone and not extreme.
    Series series = new Series(7).noisy(30, 300, 30, true).add(450, true);

    assertThat(detector.detect(series.points())).isEmpty();
  }

  @Test
  void oneExtremeRunIsAnAnomaly() {
    Series series = new Series(7).noisy(30, 300, 30, true).add(1500, true);

    assertThat(detector.detect(series.points()))
        .hasValueSatisfying(
            a -> {
              assertThat(a.sustained()).isFalse();
              assertThat(a.score()).isGreaterThan(10);
              assertThat(a.baselineMedianSeconds()).isBetween(280.0, 320.0);
            });
  }

  @Test
  void sustainedSlownessIsAnAnomalyAndOneNormalRunClearsIt() {
    Series series = new Series(11).noisy(30, 300, 30, true).noisy(3, 480, 10, true);

    assertThat(detector.detect(series.points()))
        .hasValueSatisfying(a -> assertThat(a.sustained()).isTrue());

    series.add(300, true);
    assertThat(detector.detect(series.points())).isEmpty();
  }

  @Test
  void fastRunsAreNeverAnomalies() {
    Series series = new Series(3).noisy(30, 300, 30, true).add(5, true).add(4, true).add(6, true);

    assertThat(detector.detect(series.points())).isEmpty();
  }

  @Test
  void tooShortAHistoryClaimsNothing() {
    Series series = new Series(5).noisy(5, 300, 1, true).add(100_000, true);

    assertThat(detector.detect(series.points())).isEmpty();
  }

  @Test
  void constantDurationsDoNotDivideByZero() {
    Series series = new Series(5).noisy(20, 120, 0, true).add(121, true);

    assertThat(detector.detect(series.points())).isEmpty();
    series.add(400, true);
    assertThat(detector.detect(series.points())).isPresent();
  }
}
