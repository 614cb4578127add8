package io.pipelineguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A small evaluation of the duration anomaly detector on seeded synthetic series (figures in
 * docs/benchmarks.md, section "Pipeline monitoring"): false alarms on steady noisy pipelines, and
 * how soon a sustained slowdown is caught. Counts only; nothing is timed.
 */
class DurationAnomalyEvalTest {
  private static final int SERIES = 200;
  private static final int RUNS = 60;

  private final DurationAnomalyDetector detector =
      new DurationAnomalyDetector(MonitorSettings.defaults());

  @Test
  void falseAlarmsAreRareOnSteadyNoisyPipelines() {
    int alarms = 0;
    int judged = 0;
    for (long seed = 1; seed <= SERIES; seed++) {
      List<MetricPoint> points = new Series(seed).noisy(RUNS, 300, 45, true).points();
      for (int n = 1; n <= points.size(); n++) {
        judged++;
        alarms += detector.detect(points.subList(0, n)).isPresent() ? 1 : 0;
      }
    }
    double perThousand = 1000.0 * alarms / judged;
    System.out.printf(
        Locale.ROOT,
        "monitor eval: false alarms %d of %d runs (%.2f per 1000), noise sd 15 %%%n",
        alarms,
        judged,
        perThousand);
    assertThat(perThousand).isLessThan(2.0);
  }

  @Test
  void oneOffSlowRunsRarelyAlarm() {
    // up to 2x is "one slow run" (no alarm wanted); up to 3x reaches the extreme threshold
    assertThat(oneOffAlarmsPerThousand(1.5, 0.5)).isLessThan(5.0);
    assertThat(oneOffAlarmsPerThousand(1.5, 1.5)).isLessThan(20.0);
  }

  private double oneOffAlarmsPerThousand(double lowest, double spread) {
    int alarms = 0;
    int judged = 0;
    for (long seed = 1; seed <= SERIES; seed++) {
      java.util.Random random = new java.util.Random(seed * 31);
      Series series = new Series(seed);
      for (int n = 0; n < RUNS; n++) {
        // 5 % of runs are one-off slow (cold cache, busy runner)
        double factor = random.nextDouble() < 0.05 ? lowest + spread * random.nextDouble() : 1.0;
        series.add(Math.max(1, factor * (300 + random.nextGaussian() * 45)), true);
        judged++;
        alarms += detector.detect(series.points()).isPresent() ? 1 : 0;
      }
    }
    double perThousand = 1000.0 * alarms / judged;
    System.out.printf(
        Locale.ROOT,
        "monitor eval: with 5 %% one-off %.1f-%.1fx runs, alarms %d of %d runs (%.2f per 1000)%n",
        lowest,
        lowest + spread,
        alarms,
        judged,
        perThousand);
    return perThousand;
  }

  @Test
  void sustainedSlowdownsAreCaughtWithinAFewRuns() {
    for (double factor : new double[] {1.5, 2.0, 3.0}) {
      List<Integer> delays = new ArrayList<>();
      int missed = 0;
      for (long seed = 1; seed <= SERIES; seed++) {
        Series series = new Series(seed).noisy(30, 300, 45, true);
        Integer delay = null;
        for (int k = 1; k <= 10 && delay == null; k++) {
          series.noisy(1, 300 * factor, 45 * factor, true);
          if (detector.detect(series.points()).isPresent()) {
            delay = k;
          }
        }
        if (delay == null) {
          missed++;
        } else {
          delays.add(delay);
        }
      }
      double mean = delays.stream().mapToInt(Integer::intValue).average().orElse(Double.NaN);
      System.out.printf(
          Locale.ROOT,
          "monitor eval: %.1fx slowdown caught in %d of %d series, mean %.2f runs after it"
              + " began%n",
          factor,
          delays.size(),
          SERIES,
          mean);
      if (factor >= 2.0) {
        // 1.5x under 15 % noise is about 3.3 robust sigmas: reported, not promised
        assertThat(missed).as("missed at %.1fx", factor).isLessThan(SERIES / 20);
        assertThat(mean).isLessThanOrEqualTo(4.0);
      }
    }
  }
}
