package io.pipelineguard.bridge.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pipelineguard.bridge.intake.IntakeMetrics;
import io.pipelineguard.bridge.store.DeliveryStatus;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.repair.RepairStrategy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's Prometheus metrics (Micrometer), kept in the store so they do not reset on restart:
 *
 * <ul>
 *   <li>{@code pipeline_guard_deliveries_total{platform,status}}: deliveries that reached {@code
 *       processed} or {@code failed}; {@code pipeline_guard_deliveries_waiting{platform,status}}:
 *       those still {@code pending} or {@code processing} (a gauge: they move on);
 *   <li>{@code pipeline_guard_diagnoses_total{category}};
 *   <li>{@code pipeline_guard_repairs_total{strategy,outcome}}: settled repairs (outcome {@code
 *       succeeded}, {@code failed}, {@code aborted}, {@code timed_out}, {@code escalated}, {@code
 *       hands_off}); {@code pipeline_guard_repairs_open{strategy,state}}: {@code planned}, {@code
 *       held}, {@code running};
 *   <li>{@code pipeline_guard_delivery_processing_seconds} and {@code
 *       pipeline_guard_diagnosis_seconds}: count, sum and max of latencies.
 * </ul>
 *
 * Counts are derived from the rows ({@link StoreCounts}, refreshed at most every {@code
 * refreshEvery}); latency totals are kept in {@code metric_totals}, flushed by {@link #flush()}
 * (call it periodically and at stop). A scrape costs at most three GROUP BY queries and the text
 * rendering of about 150 series.
 */
public final class BridgeMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(BridgeMetrics.class);
  private static final List<String> OPEN_STATES = List.of("PLANNED", "HELD", "RUNNING");
  private static final List<String> SETTLED_STATES =
      List.of("SUCCEEDED", "FAILED", "ABORTED", "TIMED_OUT", "ESCALATED", "HANDS_OFF");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final StoreCounts counts;
  private final LatencyTotals deliveryProcessing;
  private final LatencyTotals diagnosis;

  /**
   * Registers every meter over the store; reads the persisted latency totals.
   *
   * @param refreshEvery the longest a scraped count may lag the tables
   */
  public BridgeMetrics(DataSource dataSource, Clock clock, Duration refreshEvery) {
    this.counts = new StoreCounts(dataSource, clock, refreshEvery);
    this.deliveryProcessing = new LatencyTotals("delivery_processing", dataSource, clock);
    this.diagnosis = new LatencyTotals("diagnosis", dataSource, clock);
    for (Platform platform : Platform.values()) {
      for (DeliveryStatus status : DeliveryStatus.values()) {
        String key = StoreCounts.key("deliveries", platform.wireName(), status.name());
        boolean waiting = status == DeliveryStatus.PENDING || status == DeliveryStatus.PROCESSING;
        String statusLabel = status.name().toLowerCase(Locale.ROOT);
        if (waiting) {
          Gauge.builder("pipeline_guard.deliveries.waiting", counts, c -> c.count(key))
              .description("Deliveries waiting for or in processing")
              .tags("platform", platform.wireName(), "status", statusLabel)
              .register(registry);
        } else {
          FunctionCounter.builder("pipeline_guard.deliveries", counts, c -> c.count(key))
              .description("Webhook deliveries processed or failed")
              .tags("platform", platform.wireName(), "status", statusLabel)
              .register(registry);
        }
      }
    }
    for (Category category : Category.values()) {
      String key = StoreCounts.key("diagnoses", category.wireName());
      FunctionCounter.builder("pipeline_guard.diagnoses", counts, c -> c.count(key))
          .description("Diagnoses of failed jobs")
          .tags("category", category.wireName())
          .register(registry);
    }
    for (RepairStrategy strategy : RepairStrategy.values()) {
      for (String state : SETTLED_STATES) {
        String key = StoreCounts.key("repairs", strategy.wireName(), state);
        FunctionCounter.builder("pipeline_guard.repairs", counts, c -> c.count(key))
            .description("Settled repairs by strategy and outcome")
            .tags("strategy", strategy.wireName(), "outcome", state.toLowerCase(Locale.ROOT))
            .register(registry);
      }
      for (String state : OPEN_STATES) {
        String key = StoreCounts.key("repairs", strategy.wireName(), state);
        Gauge.builder("pipeline_guard.repairs.open", counts, c -> c.count(key))
            .description("Repairs planned, held for approval or running")
            .tags("strategy", strategy.wireName(), "state", state.toLowerCase(Locale.ROOT))
            .register(registry);
      }
    }
    timer("pipeline_guard.delivery.processing", "Delivery processing time", deliveryProcessing);
    timer("pipeline_guard.diagnosis", "Time to diagnose one failed job's log", diagnosis);
  }

  private void timer(String name, String description, LatencyTotals totals) {
    FunctionTimer.builder(
            name, totals, LatencyTotals::count, LatencyTotals::totalSeconds, TimeUnit.SECONDS)
        .description(description)
        .register(registry);
    Gauge.builder(name + ".max", totals, LatencyTotals::maxSeconds)
        .description(description + ", largest ever")
        .baseUnit("seconds")
        .register(registry);
  }

  /**
   * Exports {@code intake}'s counters as {@code pipeline_guard_webhook_requests_total{outcome}},
   * one series per {@link IntakeMetrics#OUTCOMES} entry; call once. Read at scrape time, no cost
   * per request.
   */
  public void bindIntake(IntakeMetrics intake) {
    for (String outcome : IntakeMetrics.OUTCOMES) {
      FunctionCounter.builder("pipeline_guard.webhook.requests", intake, m -> m.count(outcome))
          .description("Webhook requests by outcome since the bridge started (refusals included)")
          .tags("outcome", outcome)
          .register(registry);
    }
  }

  /** Records one delivery's processing time, in nanoseconds. */
  public void recordDeliveryProcessing(long nanos) {
    deliveryProcessing.record(nanos);
  }

  /** Records one diagnosis's duration, in nanoseconds. */
  public void recordDiagnosis(long nanos) {
    diagnosis.record(nanos);
  }

  /** Returns the Prometheus text exposition (format 0.0.4) of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** Writes the latency totals to the store; a failure is logged, never thrown. */
  public void flush() {
    try {
      deliveryProcessing.flush();
      diagnosis.flush();
    } catch (RuntimeException e) {
      LOG.warn("Cannot save the latency totals; retrying at the next flush", e);
    }
  }
}
