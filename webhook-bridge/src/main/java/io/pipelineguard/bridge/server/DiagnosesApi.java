package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.learning.LearningDiagnoser;
import io.pipelineguard.bridge.security.Permissions;
import io.pipelineguard.bridge.store.DiagnosisRecord;
import io.pipelineguard.bridge.store.DiagnosisStore;
import io.pipelineguard.bridge.store.Page;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.diagnosis.EvidenceLine;
import io.pipelineguard.diagnosis.log.TemplateMasker;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Diagnoses and people's corrections of them: {@code GET /api/diagnoses} (filters {@code category},
 * {@code pipeline_id}), {@code GET /api/diagnoses/{id}} and {@code POST /api/feedback}, which
 * stores the correction and teaches the {@link LearningDiagnoser} the corrected category for the
 * diagnosis's templates (or, for diagnoses stored without them, its evidence lines, masked).
 */
final class DiagnosesApi {
  /** {@code platform:pipeline}: a known platform, a colon, then printable text. */
  static final Pattern PIPELINE_ID = Pattern.compile("([a-z]{1,16}):([^\\p{Cntrl}]{1,512})");

  private final DiagnosisStore diagnoses;
  private final LearningDiagnoser learner;
  private final Clock clock;

  DiagnosesApi(DiagnosisStore diagnoses, LearningDiagnoser learner, Clock clock) {
    this.diagnoses = diagnoses;
    this.learner = learner;
    this.clock = clock;
  }

  /** Returns the routes this class serves, each with the permission it needs. */
  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.get(
            "/api/diagnoses",
            Permissions.DIAGNOSES_READ,
            "Diagnoses of failed jobs, newest first (filters: category, pipeline_id)",
            this::list),
        ApiRoute.get(
            "/api/diagnoses/{id}",
            Permissions.DIAGNOSES_READ,
            "One diagnosis with its evidence lines",
            this::one),
        ApiRoute.post(
            "/api/feedback",
            Permissions.FEEDBACK_WRITE,
            "Correct a diagnosis; the engine learns the corrected category",
            this::feedback));
  }

  void list(Context ctx) {
    String category = ctx.queryParam("category");
    if (category != null) {
      category = FeedbackRequest.category(category).wireName();
    }
    String platform = null;
    String pipeline = null;
    String pipelineId = ctx.queryParam("pipeline_id");
    if (pipelineId != null) {
      var m = PIPELINE_ID.matcher(pipelineId);
      if (!m.matches() || !isPlatform(m.group(1))) {
        throw Paging.badRequest(
            "pipeline_id must be platform:pipeline (github, gitlab, azure or jenkins), up to 512"
                + " printable characters");
      }
      platform = m.group(1);
      pipeline = m.group(2);
    }
    Page<DiagnosisRecord> page =
        diagnoses.page(Paging.cursor(ctx), Paging.limit(ctx), category, platform, pipeline);
    List<Map<String, Object>> items = new ArrayList<>();
    page.items().forEach(d -> items.add(json(d)));
    ctx.json(Paging.envelope(items, page.nextCursor()));
  }

  void one(Context ctx) {
    long id = Paging.pathId(ctx, "id");
    DiagnosisRecord d =
        diagnoses
            .find(id)
            .orElseThrow(
                () ->
                    new HttpResponseException(
                        HttpStatus.NOT_FOUND.getCode(), "no diagnosis with id " + id));
    ctx.json(json(d));
  }

  void feedback(Context ctx) throws IOException {
    FeedbackRequest request = FeedbackRequest.parse(ctx);
    DiagnosisRecord d =
        diagnoses
            .find(request.diagnosisId())
            .orElseThrow(
                () ->
                    new HttpResponseException(
                        HttpStatus.NOT_FOUND.getCode(),
                        "no diagnosis with id " + request.diagnosisId()));
    long id =
        diagnoses.insertFeedback(
            d.id(),
            request.category().wireName(),
            request.transientFailure(),
            request.comment(),
            clock.instant());
    List<String> templates = diagnoses.templates(d.id());
    if (templates.isEmpty()) {
      templates = masked(d.evidence());
    }
    boolean learned = learner.learn(templates, request.category());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("diagnosis_id", d.id());
    body.put("category", request.category().wireName());
    body.put("transient", request.transientFailure());
    body.put("previous_category", d.category());
    body.put("learned", learned);
    ctx.status(HttpStatus.CREATED).json(body);
  }

  private static List<String> masked(List<EvidenceLine> evidence) {
    TemplateMasker masker = new TemplateMasker();
    List<String> out = new ArrayList<>();
    for (EvidenceLine line : evidence) {
      if (!line.text().isBlank()) {
        out.add(masker.mask(line.text()));
      }
    }
    return out;
  }

  private static boolean isPlatform(String name) {
    for (Platform p : Platform.values()) {
      if (p.wireName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  static Map<String, Object> json(DiagnosisRecord d) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", d.id());
    item.put("job_id", d.jobId());
    item.put("pipeline_id", d.pipelineId());
    item.put("job", d.job());
    item.put("category", d.category());
    item.put("transient", d.transientFailure());
    item.put("confidence", d.confidence());
    item.put("signature", d.signature());
    item.put("novel", d.novel());
    item.put("explanation", d.explanation());
    List<Map<String, Object>> evidence = new ArrayList<>();
    for (EvidenceLine line : d.evidence()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("line", line.number());
      e.put("text", line.text());
      evidence.add(e);
    }
    item.put("evidence", evidence);
    item.put("created_at", Paging.iso(d.createdAt()));
    return item;
  }
}
