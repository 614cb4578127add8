package io.pipelineguard.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists the alert conditions that hold for a pipeline now: a duration anomaly, a failure rate above
 * its threshold, a critical health score, and repeated failures. The caller keeps one active alert
 * per pipeline and kind: it raises the kinds that appear and resolves the ones that are gone.
 * Severity is critical for a critical pipeline and for {@link AlertKind#HEALTH_CRITICAL}, else a
 * warning. Costs what {@link HealthScore} and {@link DurationAnomalyDetector} cost.
 */
public final class AlertEvaluator {
  private final MonitorSettings settings;
  private final HealthScore healthScore;
  private final DurationAnomalyDetector anomalies;
  private final FailureRateMonitor failureRates;

  /** Creates the evaluator with these settings. */
  public AlertEvaluator(MonitorSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.healthScore = new HealthScore(settings);
    this.anomalies = new DurationAnomalyDetector(settings);
    this.failureRates = new FailureRateMonitor(settings);
  }

  /**
   * Returns the conditions that hold now, at most one per kind.
   *
   * @param pipelineId the pipeline
   * @param points its runs, oldest first
   * @param expectations what is expected of it
   */
  public List<Alert> evaluate(
      String pipelineId, List<MetricPoint> points, PipelineExpectations expectations) {
    PipelineHealth health = healthScore.compute(points, expectations);
    AlertSeverity usual = expectations.critical() ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
    List<Alert> alerts = new ArrayList<>();
    Optional<DurationAnomaly> anomaly = anomalies.detect(points);
    anomaly.ifPresent(
        a ->
            alerts.add(
                new Alert(
                    pipelineId,
                    AlertKind.DURATION_ANOMALY,
                    usual,
                    String.format(
                        Locale.ROOT,
                        "%s: %s took %.0f s against a usual %.0f s (robust z-score %.1f)",
                        pipelineId,
                        a.sustained()
                            ? settings.anomalySustainedRuns() + " runs in a row are slow; the last"
                            : "the last run",
                        a.latestSeconds(),
                        a.baselineMedianSeconds(),
                        a.score()),
                    a.score(),
                    a.sustained()
                        ? settings.anomalyThreshold()
                        : settings.anomalyExtremeThreshold())));
    FailureRate rate = failureRates.evaluate(points, expectations);
    if (rate.exceeded()) {
      alerts.add(
          new Alert(
              pipelineId,
              AlertKind.FAILURE_RATE,
              usual,
              String.format(
                  Locale.ROOT,
                  "%s: %.0f %% of the last %d runs failed (tolerated: %.0f %%)",
                  pipelineId,
                  rate.rate() * 100,
                  rate.runs(),
                  rate.threshold() * 100),
              rate.rate(),
              rate.threshold()));
    }
    if (health.status() == HealthStatus.CRITICAL) {
      alerts.add(
          new Alert(
              pipelineId,
              AlertKind.HEALTH_CRITICAL,
              AlertSeverity.CRITICAL,
              String.format(
                  Locale.ROOT,
                  "%s: health score %.2f is below the critical threshold %.2f",
                  pipelineId,
                  health.score(),
                  settings.thresholds().critical()),
              health.score(),
              settings.thresholds().critical()));
    }
    if (health.consecutiveFailures() >= settings.repeatedFailures()) {
      alerts.add(
          new Alert(
              pipelineId,
              AlertKind.REPEATED_FAILURE,
              usual,
              String.format(
                  Locale.ROOT,
                  "%s: the last %d runs failed",
                  pipelineId,
                  health.consecutiveFailures()),
              health.consecutiveFailures(),
              settings.repeatedFailures()));
    }
    return List.copyOf(alerts);
  }
}
