package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.pipelineguard.bridge.security.Permissions;
import io.pipelineguard.bridge.store.MeasuredRun;
import io.pipelineguard.bridge.store.MetricStore;
import io.pipelineguard.bridge.store.PipelineStore;
import io.pipelineguard.monitor.FailureRateMonitor;
import io.pipelineguard.monitor.HourlyFailureRate;
import io.pipelineguard.monitor.MetricPoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline's measured runs: {@code GET /api/metrics/{pipeline_id}?hours=} (points and hourly
 * failure rates, for charts) and {@code GET /api/export/{pipeline_id}?format=json|csv&hours=} (runs
 * with duration, result and diagnosis). At most {@value #MAX_ROWS} runs, the oldest first; {@code
 * truncated} says when more exist.
 */
final class MetricsApi {
  /** Most runs one answer holds. */
  static final int MAX_ROWS = 10_000;

  static final List<String> CSV_HEADER =
      List.of(
          "finished_at",
          "duration_seconds",
          "result",
          "run_id",
          "run_key",
          "attempt",
          "run_number",
          "branch",
          "commit_sha",
          "url",
          "diagnosis_id",
          "category",
          "transient",
          "diagnosis");

  private final PipelineStore pipelines;
  private final MetricStore metrics;
  private final Clock clock;

  MetricsApi(PipelineStore pipelines, MetricStore metrics, Clock clock) {
    this.pipelines = pipelines;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Returns the routes this class serves, each with the permission it needs. */
  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.get(
            "/api/metrics/{pipeline_id}",
            Permissions.PIPELINES_READ,
            "Metric points and hourly failure rates of one pipeline in the last hours",
            this::metrics),
        ApiRoute.get(
            "/api/export/{pipeline_id}",
            Permissions.PIPELINES_READ,
            "Runs of one pipeline with duration, result and diagnosis, as JSON or CSV",
            this::export));
  }

  private List<MeasuredRun> runs(Context ctx, String id) {
    int hours = ApiParams.hours(ctx);
    if (!pipelines.isKnown(id)) {
      throw ApiParams.notFound("no pipeline " + id);
    }
    return metrics.runsSince(id, clock.instant().minus(Duration.ofHours(hours)), MAX_ROWS + 1);
  }

  void metrics(Context ctx) {
    String id = ApiParams.pipelineId(ctx);
    List<MeasuredRun> runs = runs(ctx, id);
    boolean truncated = runs.size() > MAX_ROWS;
    runs = runs.subList(0, Math.min(MAX_ROWS, runs.size()));
    List<Map<String, Object>> points = new ArrayList<>();
    List<MetricPoint> raw = new ArrayList<>();
    for (MeasuredRun run : runs) {
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("at", run.point().finishedAt().toString());
      point.put("duration_seconds", run.point().durationSeconds());
      point.put("success", run.point().success());
      point.put("run_id", run.runId());
      points.add(point);
      raw.add(run.point());
    }
    List<Map<String, Object>> rates = new ArrayList<>();
    for (HourlyFailureRate rate : FailureRateMonitor.hourly(raw)) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("at", rate.hour().toString());
      item.put("rate", Math.round(rate.rate() * 1000) / 1000.0);
      item.put("runs", rate.runs());
      rates.add(item);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pipeline_id", id);
    body.put("points", points);
    body.put("failure_rate", rates);
    body.put("truncated", truncated);
    ctx.json(body);
  }

  void export(Context ctx) {
    String id = ApiParams.pipelineId(ctx);
    String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
    if (!format.equals("json") && !format.equals("csv")) {
      throw Paging.badRequest("format must be json or csv");
    }
    List<MeasuredRun> runs = runs(ctx, id);
    boolean truncated = runs.size() > MAX_ROWS;
    runs = runs.subList(0, Math.min(MAX_ROWS, runs.size()));
    if (format.equals("csv")) {
      CsvWriter csv = new CsvWriter().row(CSV_HEADER);
      for (MeasuredRun run : runs) {
        csv.row(Arrays.asList(cells(run)));
      }
      ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(id) + ".csv\"");
      ctx.contentType("text/csv; charset=utf-8");
      ctx.result(csv.toString());
      return;
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (MeasuredRun run : runs) {
      Object[] cells = cells(run);
      Map<String, Object> item = new LinkedHashMap<>();
      for (int i = 0; i < CSV_HEADER.size(); i++) {
        item.put(CSV_HEADER.get(i), cells[i]);
      }
      items.add(item);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pipeline_id", id);
    body.put("runs", items);
    body.put("truncated", truncated);
    ctx.json(body);
  }

  private static Object[] cells(MeasuredRun run) {
    return new Object[] {
      run.point().finishedAt().toString(),
      run.point().durationSeconds(),
      run.point().success() ? "success" : "failure",
      run.runId(),
      run.runKey(),
      run.attempt(),
      run.runNumber(),
      run.branch(),
      run.commitSha(),
      run.url(),
      run.diagnosisId(),
      run.category(),
      run.transientFailure(),
      run.explanation()
    };
  }

  /** A file name made of the id's letters, digits, dots and dashes (others become _). */
  static String fileName(String id) {
    String name = id.replaceAll("[^A-Za-z0-9.-]", "_");
    return name.length() <= 100 ? name : name.substring(0, 100);
  }
}
