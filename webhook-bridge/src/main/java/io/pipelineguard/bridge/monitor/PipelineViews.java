package io.pipelineguard.bridge.monitor;

import io.pipelineguard.bridge.store.LastFailure;
import io.pipelineguard.bridge.store.LastRun;
import io.pipelineguard.bridge.store.MonitoringQueries;
import io.pipelineguard.bridge.store.PipelineStore;
import io.pipelineguard.bridge.store.RegisteredPipeline;
import io.pipelineguard.bridge.store.StoredAlert;
import io.pipelineguard.monitor.PipelineExpectations;
import io.pipelineguard.monitor.PipelineHealth;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the JSON objects of docs/api.md for pipelines and alerts (as ordered maps Jackson writes),
 * shared by the REST endpoints and the dashboard's WebSocket. A pipeline view costs the monitor's
 * health computation plus three indexed queries.
 */
public final class PipelineViews {
  /** Longest diagnosis summary, in characters. */
  static final int SUMMARY_CHARS = 200;

  private final PipelineStore pipelines;
  private final MonitoringQueries queries;
  private final PipelineMonitor monitor;

  /** Creates the views over the stores and the monitor. */
  public PipelineViews(
      PipelineStore pipelines, MonitoringQueries queries, PipelineMonitor monitor) {
    this.pipelines = Objects.requireNonNull(pipelines, "pipelines must not be null");
    this.queries = Objects.requireNonNull(queries, "queries must not be null");
    this.monitor = Objects.requireNonNull(monitor, "monitor must not be null");
  }

  /** Returns the pipeline health object of {@code id} (a known or unknown pipeline alike). */
  public Map<String, Object> pipeline(String id) {
    Optional<RegisteredPipeline> registered = pipelines.find(id);
    PipelineExpectations expectations =
        registered.map(RegisteredPipeline::expectations).orElse(PipelineExpectations.defaults());
    PipelineHealth health = monitor.health(id);
    String platform = PipelineIds.platform(id);
    String pipeline = PipelineIds.pipeline(id);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", id);
    view.put("platform", platform);
    view.put("name", registered.map(RegisteredPipeline::name).orElse(pipeline));
    view.put("registered", registered.isPresent());
    view.put("critical", expectations.critical());
    view.put("alert_email", registered.map(RegisteredPipeline::alertEmail).orElse(null));
    view.put("deploys", registered.map(RegisteredPipeline::deploys).orElse(false));
    view.put("rollback_target", registered.map(RegisteredPipeline::rollbackTarget).orElse(null));
    view.put("health_score", health.score());
    view.put("health", health.status().wireName());
    view.put("runs", health.runs());
    view.put("success_rate", round(health.successRate()));
    view.put("expected_success_rate", expectations.expectedSuccessRate());
    view.put("avg_duration_seconds", round(health.averageDurationSeconds()));
    view.put(
        "expected_duration_seconds",
        expectations.expectedDurationSeconds().isPresent()
            ? expectations.expectedDurationSeconds().getAsDouble()
            : null);
    view.put("duration_trend", health.trend().wireName());
    view.put("consecutive_failures", health.consecutiveFailures());
    Optional<LastRun> lastRun =
        platform == null ? Optional.empty() : queries.lastRun(platform, pipeline);
    view.put("last_run_at", iso(lastRun.map(LastRun::at).orElse(null)));
    view.put("last_status", lastRun.map(LastRun::status).orElse(null));
    Optional<LastFailure> lastFailure =
        platform == null ? Optional.empty() : queries.lastFailure(platform, pipeline);
    view.put("last_failure", lastFailure.map(PipelineViews::failure).orElse(null));
    return view;
  }

  private static Map<String, Object> failure(LastFailure failure) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("run_id", failure.runId());
    view.put("job", failure.job());
    view.put("at", iso(failure.at()));
    view.put("diagnosis_id", failure.diagnosisId());
    view.put("category", failure.category());
    view.put("transient", failure.transientFailure());
    view.put("confidence", failure.confidence());
    view.put("summary", summary(failure.explanation()));
    return view;
  }

  /** Returns the alert object of docs/api.md. */
  public static Map<String, Object> alert(StoredAlert stored) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", stored.id());
    view.put("pipeline_id", stored.alert().pipelineId());
    view.put("kind", stored.alert().kind().wireName());
    view.put("severity", stored.alert().severity().wireName());
    view.put("message", stored.alert().message());
    view.put("value", stored.alert().value());
    view.put("threshold", stored.alert().threshold());
    view.put("raised_at", iso(stored.raisedAt()));
    view.put("active", stored.active());
    view.put("resolved_at", iso(stored.resolvedAt()));
    return view;
  }

  /** Returns the first line of an explanation, clipped to {@value #SUMMARY_CHARS} characters. */
  static String summary(String explanation) {
    if (explanation == null) {
      return null;
    }
    String line = explanation.strip().lines().findFirst().orElse("");
    return line.length() <= SUMMARY_CHARS ? line : line.substring(0, SUMMARY_CHARS - 1) + "…";
  }

  static Double round(Double value) {
    return value == null ? null : Math.round(value * 1000) / 1000.0;
  }

  static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
