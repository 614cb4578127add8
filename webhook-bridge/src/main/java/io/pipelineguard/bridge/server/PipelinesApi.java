package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.monitor.PipelineViews;
import io.pipelineguard.bridge.security.Permissions;
import io.pipelineguard.bridge.store.PipelineStore;
import io.pipelineguard.bridge.store.RegisteredPipeline;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pipelines and their health: {@code GET /api/pipelines} (paged, by id), {@code GET
 * /api/pipelines/{pipeline_id}} and {@code POST /api/pipelines} (register or replace what is
 * expected of a pipeline: 201 when new, 200 when updated).
 */
final class PipelinesApi {
  private final PipelineStore pipelines;
  private final PipelineViews views;
  private final Clock clock;
  private final PipelineRegistrations registrations = new PipelineRegistrations();

  PipelinesApi(PipelineStore pipelines, PipelineViews views, Clock clock) {
    this.pipelines = pipelines;
    this.views = views;
    this.clock = clock;
  }

  /** Returns the routes this class serves, each with the permission it needs. */
  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.get(
            "/api/pipelines",
            Permissions.PIPELINES_READ,
            "Health of every known pipeline, paged by id",
            this::list),
        ApiRoute.get(
            "/api/pipelines/{pipeline_id}",
            Permissions.PIPELINES_READ,
            "Health of one pipeline (id URL-encoded)",
            this::get),
        ApiRoute.post(
            "/api/pipelines",
            Permissions.PIPELINES_WRITE,
            "Register a pipeline or replace its expectations (201 new, 200 updated)",
            this::register));
  }

  void list(Context ctx) {
    int limit = Paging.limit(ctx);
    Long cursor = Paging.cursor(ctx);
    int offset = cursor == null ? 0 : (int) Math.min(Integer.MAX_VALUE - 101, cursor);
    List<String> ids = pipelines.knownIds(offset, limit + 1);
    List<Map<String, Object>> items = new ArrayList<>();
    for (String id : ids.subList(0, Math.min(limit, ids.size()))) {
      items.add(views.pipeline(id));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("next_cursor", ids.size() > limit ? Integer.toString(offset + limit) : null);
    ctx.json(body);
  }

  void get(Context ctx) {
    String id = ApiParams.pipelineId(ctx);
    if (!pipelines.isKnown(id)) {
      throw ApiParams.notFound("no pipeline " + id);
    }
    ctx.json(views.pipeline(id));
  }

  void register(Context ctx) {
    // The body is read (Javalin caps it at webhooks.max_body_bytes) before its size is judged:
    // answering 413 while the client still sends makes the connection reset under it.
    RegisteredPipeline pipeline = registrations.parse(ctx.bodyAsBytes());
    boolean created = pipelines.register(pipeline, clock.instant());
    ctx.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    ctx.json(views.pipeline(pipeline.id()));
  }
}
