package io.pipelineguard.monitor;

import java.util.List;

/**
 * Computes a pipeline's health score, 0 (broken) to 1 (as expected), from its recent runs:
 *
 * <pre>
 *   score = 0.50 * S + 0.25 * D + 0.25 * F
 *   S = clamp(1 - max(0, expectedSuccessRate - successRate) / 0.25)
 *   D = clamp(1 - (recentMedianDuration / reference - 1.2) / 1.8)
 *   F = clamp(1 - consecutiveFailures / repeatedFailures)
 * </pre>
 *
 * <p>S loses everything when the success rate is 25 points below what is expected. D is 1 while the
 * median of the last 5 runs is within 1.2 times the reference (the expected duration, or without
 * one the median of the earlier runs in the window) and 0 at 3 times. F is 0 once the run streak
 * reaches the settings' repeated-failure count. With fewer runs than {@link
 * MonitorSettings#minRuns()} the status is unknown and there is no score. Costs a few sorts of at
 * most {@link MonitorSettings#windowRuns()} values.
 */
public final class HealthScore {
  /** Weight of the success-rate component. */
  public static final double SUCCESS_WEIGHT = 0.5;

  /** Weight of the duration component. */
  public static final double DURATION_WEIGHT = 0.25;

  /** Weight of the failure-streak component. */
  public static final double STREAK_WEIGHT = 0.25;

  /** Success-rate shortfall at which the success component reaches 0. */
  public static final double SUCCESS_TOLERANCE = 0.25;

  /** Runs whose median is compared to the reference duration. */
  public static final int RECENT_RUNS = 5;

  private final MonitorSettings settings;

  /** Creates the calculator with these settings. */
  public HealthScore(MonitorSettings settings) {
    this.settings = java.util.Objects.requireNonNull(settings, "settings must not be null");
  }

  /**
   * Computes the health of a pipeline.
   *
   * @param points its runs, oldest first (only the last {@link MonitorSettings#windowRuns()} count)
   * @param expectations what is expected of it
   */
  public PipelineHealth compute(List<MetricPoint> points, PipelineExpectations expectations) {
    List<MetricPoint> window = tail(points, settings.windowRuns());
    int runs = window.size();
    int streak = consecutiveFailures(window);
    if (runs == 0) {
      return new PipelineHealth(HealthStatus.UNKNOWN, null, 0, null, null, DurationTrend.FLAT, 0);
    }
    int successes = 0;
    double total = 0;
    for (MetricPoint point : window) {
      successes += point.success() ? 1 : 0;
      total += point.durationSeconds();
    }
    double successRate = successes / (double) runs;
    double average = total / runs;
    DurationTrend trend = DurationTrend.of(window);
    if (runs < settings.minRuns()) {
      return new PipelineHealth(
          HealthStatus.UNKNOWN, null, runs, successRate, average, trend, streak);
    }
    double s =
        clamp(
            1 - Math.max(0, expectations.expectedSuccessRate() - successRate) / SUCCESS_TOLERANCE);
    double d = durationComponent(window, expectations);
    double f = clamp(1 - streak / (double) settings.repeatedFailures());
    double score = SUCCESS_WEIGHT * s + DURATION_WEIGHT * d + STREAK_WEIGHT * f;
    score = Math.round(score * 1000) / 1000.0;
    return new PipelineHealth(
        settings.thresholds().classify(score), score, runs, successRate, average, trend, streak);
  }

  private static double durationComponent(
      List<MetricPoint> window, PipelineExpectations expectations) {
    int recentCount = Math.min(RECENT_RUNS, window.size());
    List<MetricPoint> recent = window.subList(window.size() - recentCount, window.size());
    List<MetricPoint> earlier =
        window.size() - recentCount >= RECENT_RUNS
            ? window.subList(0, window.size() - recentCount)
            : window;
    double reference =
        expectations
            .expectedDurationSeconds()
            .orElse(RobustStats.median(DurationTrend.durations(earlier)));
    if (!(reference > 0)) {
      return 1;
    }
    double ratio = RobustStats.median(DurationTrend.durations(recent)) / reference;
    return clamp(1 - (ratio - 1.2) / 1.8);
  }

  /** Returns the number of failed runs in a row at the end of {@code points}. */
  static int consecutiveFailures(List<MetricPoint> points) {
    int streak = 0;
    for (int i = points.size() - 1; i >= 0 && !points.get(i).success(); i--) {
      streak++;
    }
    return streak;
  }

  static List<MetricPoint> tail(List<MetricPoint> points, int max) {
    return points.size() <= max ? points : points.subList(points.size() - max, points.size());
  }

  private static double clamp(double value) {
    return Math.max(0, Math.min(1, value));
  }
}
