package io.pipelineguard.bridge.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.intake.FinishedRuns;
import io.pipelineguard.bridge.store.AlertStore;
import io.pipelineguard.bridge.store.FinishedRun;
import io.pipelineguard.bridge.store.MetricStore;
import io.pipelineguard.bridge.store.PipelineStore;
import io.pipelineguard.bridge.store.RegisteredPipeline;
import io.pipelineguard.bridge.store.RunRecord;
import io.pipelineguard.bridge.store.StoredAlert;
import io.pipelineguard.monitor.Alert;
import io.pipelineguard.monitor.AlertEvaluator;
import io.pipelineguard.monitor.AlertKind;
import io.pipelineguard.monitor.DurationAnomalyDetector;
import io.pipelineguard.monitor.HealthScore;
import io.pipelineguard.monitor.MetricPoint;
import io.pipelineguard.monitor.MonitorSettings;
import io.pipelineguard.monitor.PipelineExpectations;
import io.pipelineguard.monitor.PipelineHealth;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches pipelines: records a metric point when a run finishes, re-evaluates the pipeline's health
 * and alerts, keeps at most one active alert per pipeline and kind (raised once, resolved when its
 * condition clears), and tells {@link PipelineUpdateListener}s. Thread-safe: points of one pipeline
 * are evaluated one at a time (striped locks), within this process.
 *
 * <p>Costs per point: one insert, one indexed read of the latest points, one read of the active
 * alerts, and one write per alert raised or resolved.
 */
public final class PipelineMonitor {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineMonitor.class);
  private static final int STRIPES = 64;

  private final PipelineStore pipelines;
  private final MetricStore metrics;
  private final AlertStore alerts;
  private final MonitorSettings settings;
  private final Clock clock;
  private final HealthScore healthScore;
  private final AlertEvaluator evaluator;
  private final List<PipelineUpdateListener> listeners = new CopyOnWriteArrayList<>();
  private final Object[] locks = new Object[STRIPES];

  /** Creates the monitor over its stores. */
  public PipelineMonitor(
      PipelineStore pipelines,
      MetricStore metrics,
      AlertStore alerts,
      MonitorSettings settings,
      Clock clock) {
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines must not be null");
    this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
    this.alerts = Objects.requireNonNull(alerts, "alerts must not be null");
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.healthScore = new HealthScore(settings);
    this.evaluator = new AlertEvaluator(settings);
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** Adds a listener told about every recorded point (see {@link PipelineUpdateListener}). */
  public void addListener(PipelineUpdateListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
  }

  /** Returns the settings the monitor judges with. */
  public MonitorSettings settings() {
    return settings;
  }

  /**
   * Called by the delivery workers for every recorded run: records a point when the delivery
   * reports a finished run with a duration. Never throws: a monitoring failure is logged and does
   * not fail the delivery.
   */
  public void runRecorded(RunRecord run, String eventType, JsonNode body) {
    try {
      FinishedRun finished = FinishedRuns.of(run, eventType, body, clock.instant());
      if (finished != null) {
        record(finished);
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot record the metric point of run {}: {}", run.runKey(), e.toString());
    }
  }

  /**
   * Records the point of a finished run and re-evaluates its pipeline.
   *
   * @return the update, or empty when this run attempt was already recorded
   */
  public Optional<PipelineUpdate> record(FinishedRun run) {
    String id = run.pipelineId();
    PipelineUpdate update;
    synchronized (locks[Math.floorMod(id.hashCode(), STRIPES)]) {
      if (!metrics.record(run)) {
        return Optional.empty();
      }
      update = evaluate(id);
    }
    for (PipelineUpdateListener listener : listeners) {
      try {
        listener.pipelineUpdated(update);
      } catch (RuntimeException e) {
        LOG.warn("Pipeline update listener failed: {}", e.toString());
      }
    }
    return Optional.of(update);
  }

  private PipelineUpdate evaluate(String id) {
    PipelineExpectations expectations = expectations(id);
    List<MetricPoint> points = metrics.latest(id, historySize());
    Map<AlertKind, Alert> holding = new EnumMap<>(AlertKind.class);
    for (Alert alert : evaluator.evaluate(id, points, expectations)) {
      holding.put(alert.kind(), alert);
    }
    List<StoredAlert> raised = new ArrayList<>();
    List<StoredAlert> resolved = new ArrayList<>();
    for (StoredAlert active : alerts.active(id)) {
      if (holding.remove(active.alert().kind()) == null
          && alerts.resolve(active.id(), clock.instant())) {
        resolved.add(active);
      }
    }
    for (Alert alert : holding.values()) {
      raised.add(alerts.raise(alert, clock.instant()));
    }
    PipelineHealth health = healthScore.compute(points, expectations);
    return new PipelineUpdate(id, health, raised, resolved);
  }

  /** Returns the health of a pipeline from its latest points (unknown with none). */
  public PipelineHealth health(String pipelineId) {
    return healthScore.compute(
        metrics.latest(pipelineId, settings.windowRuns()), expectations(pipelineId));
  }

  /** Returns what is expected of a pipeline: its registration, or the defaults. */
  public PipelineExpectations expectations(String pipelineId) {
    return pipelines
        .find(pipelineId)
        .map(RegisteredPipeline::expectations)
        .orElse(PipelineExpectations.defaults());
  }

  private int historySize() {
    return Math.max(
        settings.windowRuns(),
        Math.max(
            settings.failureRateWindowRuns(),
            DurationAnomalyDetector.MAX_BASELINE + settings.anomalySustainedRuns()));
  }
}
