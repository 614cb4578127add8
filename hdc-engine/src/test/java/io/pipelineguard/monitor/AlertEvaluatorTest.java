package io.pipelineguard.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {
  private final AlertEvaluator evaluator = new AlertEvaluator(MonitorSettings.defaults());
  private final String id = "github:acme/shop / CI";

  private List<AlertKind> kinds(Series series, PipelineExpectations expectations) {
    return evaluator.evaluate(id, series.points(), expectations).stream().map(Alert::kind).toList();
  }

  @Test
  void healthyPipelineRaisesNothing() {
    for (long seed = 1; seed <= 10; seed++) {
      Series series =
          new Series(seed).noisy(30, 300, 30, true).add(300, false).noisy(5, 300, 30, true);
      assertThat(kinds(series, PipelineExpectations.defaults())).as("seed %d", seed).isEmpty();
    }
  }

  @Test
  void failingSeriesRaisesFailureRateRepeatedFailureAndHealthCritical() {
    Series series = new Series(2).noisy(20, 300, 20, true).noisy(6, 300, 20, false);

    List<Alert> alerts = evaluator.evaluate(id, series.points(), PipelineExpectations.defaults());

    assertThat(alerts)
        .extracting(Alert::kind)
        .containsExactlyInAnyOrder(
            AlertKind.FAILURE_RATE, AlertKind.REPEATED_FAILURE, AlertKind.HEALTH_CRITICAL);
    Alert rate = alerts.stream().filter(a -> a.kind() == AlertKind.FAILURE_RATE).findFirst().get();
    assertThat(rate.value()).isEqualTo(0.6);
    assertThat(rate.threshold()).isEqualTo(0.2);
    assertThat(rate.severity()).isEqualTo(AlertSeverity.WARNING);
    assertThat(rate.message()).contains("60 % of the last 10 runs failed");
  }

  @Test
  void criticalPipelineRaisesCriticalAlerts() {
    PipelineExpectations critical = PipelineExpectations.builder().critical(true).build();
    Series series = new Series(2).noisy(20, 300, 20, true).noisy(3, 300, 20, false);

    assertThat(evaluator.evaluate(id, series.points(), critical))
        .allMatch(a -> a.severity() == AlertSeverity.CRITICAL);
  }

  @Test
  void slowStreakRaisesADurationAnomalyWithTheNumbers() {
    Series series = new Series(9).noisy(20, 300, 20, true).noisy(3, 900, 10, true);

    List<Alert> alerts = evaluator.evaluate(id, series.points(), PipelineExpectations.defaults());

    assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.DURATION_ANOMALY);
    assertThat(alerts.get(0).message())
        .contains("3 runs in a row are slow")
        .contains("against a usual");
    assertThat(alerts.get(0).threshold()).isEqualTo(3.5);
  }

  @Test
  void hourlyRatesGroupByFinishHour() {
    Instant h = Instant.parse("2026-03-01T10:00:00Z");
    List<MetricPoint> points =
        List.of(
            new MetricPoint(id, h.plusSeconds(60), 10, true),
            new MetricPoint(id, h.plusSeconds(120), 10, false),
            new MetricPoint(id, h.plusSeconds(3700), 10, true));

    List<HourlyFailureRate> rates = FailureRateMonitor.hourly(points);

    assertThat(rates)
        .containsExactly(
            new HourlyFailureRate(h, 0.5, 2), new HourlyFailureRate(h.plusSeconds(3600), 0.0, 1));
  }
}
