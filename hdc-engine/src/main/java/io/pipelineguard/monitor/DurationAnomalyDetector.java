package io.pipelineguard.monitor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds runs that take much longer than a pipeline's usual, robustly: the baseline is the median
 * and the median absolute deviation (MAD) of the earlier runs, so a few outliers do not move it,
 * and a run's score is {@code z = (duration - median) / max(1.4826 * MAD, 5 % of the median, 1 s)}.
 * Only slowness counts (a fast run is no alarm).
 *
 * <ul>
 *   <li>one run with {@code z >= anomalyExtremeThreshold} (default 10) is an anomaly;
 *   <li>{@code anomalySustainedRuns} (default 3) runs in a row with {@code z >= anomalyThreshold}
 *       (default 3.5) are a sustained anomaly;
 *   <li>one merely slow run in a noisy pipeline is not;
 *   <li>with fewer than {@code anomalyMinSamples} (default 8) baseline runs nothing is claimed.
 * </ul>
 *
 * <p>Costs a sort of the baseline (at most {@value #MAX_BASELINE} runs).
 */
public final class DurationAnomalyDetector {
  /** Most earlier runs used as the baseline. */
  public static final int MAX_BASELINE = 50;

  private final MonitorSettings settings;

  /** Creates the detector with these settings. */
  public DurationAnomalyDetector(MonitorSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
  }

  /**
   * Checks the latest runs against the earlier ones.
   *
   * @param points the pipeline's runs, oldest first
   * @return the anomaly of the latest run, or empty when it is not one
   */
  public Optional<DurationAnomaly> detect(List<MetricPoint> points) {
    int n = points.size();
    int streak = settings.anomalySustainedRuns();
    if (n - streak >= settings.anomalyMinSamples()) {
      List<MetricPoint> baseline = HealthScore.tail(points.subList(0, n - streak), MAX_BASELINE);
      Baseline stats = Baseline.of(baseline);
      boolean allSlow = true;
      for (MetricPoint point : points.subList(n - streak, n)) {
        allSlow &= stats.score(point.durationSeconds()) >= settings.anomalyThreshold();
      }
      double latest = points.get(n - 1).durationSeconds();
      double z = stats.score(latest);
      if (allSlow || z >= settings.anomalyExtremeThreshold()) {
        return Optional.of(new DurationAnomaly(latest, stats.median, round(z), allSlow));
      }
      return Optional.empty();
    }
    if (n - 1 >= settings.anomalyMinSamples()) {
      Baseline stats = Baseline.of(HealthScore.tail(points.subList(0, n - 1), MAX_BASELINE));
      double latest = points.get(n - 1).durationSeconds();
      double z = stats.score(latest);
      if (z >= settings.anomalyExtremeThreshold()) {
        return Optional.of(new DurationAnomaly(latest, stats.median, round(z), false));
      }
    }
    return Optional.empty();
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private record Baseline(double median, double scale) {
    static Baseline of(List<MetricPoint> points) {
      List<Double> durations = DurationTrend.durations(points);
      double median = RobustStats.median(durations);
      double mad = RobustStats.mad(durations, median);
      return new Baseline(median, Math.max(1.0, Math.max(1.4826 * mad, 0.05 * median)));
    }

    double score(double seconds) {
      return (seconds - median) / scale;
    }
  }
}
