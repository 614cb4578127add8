package io.pipelineguard.monitor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Judges the share of failed runs among a pipeline's last {@code failureRateWindowRuns} (default
 * 10): it is too high when above {@code min(1, 1 - expectedSuccessRate + failureRateMargin)} with
 * at least {@code failureRateMinRuns} (default 5) runs. Also groups points into hourly rates for
 * charts. Costs one pass over the points.
 */
public final class FailureRateMonitor {
  private final MonitorSettings settings;

  /** Creates the monitor with these settings. */
  public FailureRateMonitor(MonitorSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
  }

  /**
   * Returns the failure rate of the latest runs and whether it is too high.
   *
   * @param points the pipeline's runs, oldest first
   */
  public FailureRate evaluate(List<MetricPoint> points, PipelineExpectations expectations) {
    List<MetricPoint> window = HealthScore.tail(points, settings.failureRateWindowRuns());
    int failures = 0;
    for (MetricPoint point : window) {
      failures += point.success() ? 0 : 1;
    }
    double rate = window.isEmpty() ? 0 : failures / (double) window.size();
    double threshold =
        Math.min(1, 1 - expectations.expectedSuccessRate() + settings.failureRateMargin());
    threshold = Math.round(threshold * 1000) / 1000.0;
    boolean exceeded = window.size() >= settings.failureRateMinRuns() && rate > threshold;
    return new FailureRate(rate, window.size(), threshold, exceeded);
  }

  /** Groups points by the UTC hour they finished in, oldest hour first. */
  public static List<HourlyFailureRate> hourly(List<MetricPoint> points) {
    Map<Instant, int[]> byHour = new TreeMap<>();
    for (MetricPoint point : points) {
      int[] counts =
          byHour.computeIfAbsent(
              point.finishedAt().truncatedTo(ChronoUnit.HOURS), hour -> new int[2]);
      counts[0]++;
      counts[1] += point.success() ? 0 : 1;
    }
    List<HourlyFailureRate> rates = new ArrayList<>(byHour.size());
    byHour.forEach(
        (hour, counts) ->
            rates.add(new HourlyFailureRate(hour, counts[1] / (double) counts[0], counts[0])));
    return rates;
  }
}
