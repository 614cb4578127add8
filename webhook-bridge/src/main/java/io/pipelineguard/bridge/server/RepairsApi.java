package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.repair.RepairingFailureProcessor;
import io.pipelineguard.bridge.repair.RepairingFailureProcessor.Approval;
import io.pipelineguard.bridge.security.Permissions;
import io.pipelineguard.bridge.store.Page;
import io.pipelineguard.bridge.store.RepairHistory;
import io.pipelineguard.bridge.store.RepairView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Repair history and approval: {@code GET /api/repairs} (filter {@code state}) and {@code POST
 * /api/repairs/{id}/approve}, which carries out a repair held for approval exactly once (202), and
 * answers 409 when it is not held (or was approved already) and 404 when unknown.
 */
final class RepairsApi {
  /** States a repair can be listed by (lowercase on the wire, uppercase in the store). */
  static final Set<String> STATES =
      Set.of(
          "planned",
          "held",
          "running",
          "succeeded",
          "failed",
          "aborted",
          "timed_out",
          "escalated",
          "hands_off");

  private final RepairHistory history;
  private final RepairingFailureProcessor loop;

  /**
   * @param loop the repair loop, or null when none runs (no platform API configured)
   */
  RepairsApi(RepairHistory history, RepairingFailureProcessor loop) {
    this.history = history;
    this.loop = loop;
  }

  /** Returns the routes this class serves, each with the permission it needs. */
  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.get(
            "/api/repairs",
            Permissions.REPAIRS_READ,
            "Repair attempts with their reasons and outcomes, newest first (filter: state)",
            this::list),
        ApiRoute.post(
            "/api/repairs/{id}/approve",
            Permissions.REPAIRS_EXECUTE,
            "Approve a repair held for approval: it is carried out once",
            this::approve));
  }

  void list(Context ctx) {
    String state = ctx.queryParam("state");
    if (state != null) {
      state = state.trim().toLowerCase(Locale.ROOT);
      if (!STATES.contains(state)) {
        throw Paging.badRequest("state must be one of " + String.join(", ", sorted()));
      }
      state = state.toUpperCase(Locale.ROOT);
    }
    Page<RepairView> page = history.page(Paging.cursor(ctx), Paging.limit(ctx), state);
    List<Map<String, Object>> items = new ArrayList<>();
    page.items().forEach(r -> items.add(json(r)));
    ctx.json(Paging.envelope(items, page.nextCursor()));
  }

  void approve(Context ctx) throws InterruptedException {
    long id = Paging.pathId(ctx, "id");
    if (history.find(id).isEmpty()) {
      throw new HttpResponseException(HttpStatus.NOT_FOUND.getCode(), "no repair with id " + id);
    }
    if (loop == null) {
      throw new HttpResponseException(
          HttpStatus.CONFLICT.getCode(),
          "repairs cannot be carried out: no platform API is configured (platforms.*.token)");
    }
    Approval result = loop.approve(id);
    switch (result) {
      case NOT_FOUND ->
          throw new HttpResponseException(
              HttpStatus.NOT_FOUND.getCode(), "no repair with id " + id);
      case NOT_HELD ->
          throw new HttpResponseException(
              HttpStatus.CONFLICT.getCode(),
              "repair " + id + " is not held for approval (or was approved already)");
      default -> {
        Map<String, Object> body = json(history.find(id).orElseThrow());
        body.put("approved", result == Approval.EXECUTED);
        ctx.status(HttpStatus.ACCEPTED).json(body);
      }
    }
  }

  private static List<String> sorted() {
    return STATES.stream().sorted().toList();
  }

  static Map<String, Object> json(RepairView r) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", r.id());
    item.put("job_id", r.jobId());
    item.put("diagnosis_id", r.diagnosisId());
    item.put("pipeline_id", r.pipelineId());
    item.put("job", r.job());
    item.put("strategy", r.strategy());
    item.put("attempt", r.attempt());
    item.put("state", r.state() == null ? null : r.state().toLowerCase(Locale.ROOT));
    item.put("reason", r.reason());
    item.put("outcome", r.outcome() == null ? null : r.outcome().toLowerCase(Locale.ROOT));
    item.put("started_at", Paging.iso(r.startedAt()));
    item.put("finished_at", Paging.iso(r.finishedAt()));
    item.put("approved_at", Paging.iso(r.approvedAt()));
    return item;
  }
}
