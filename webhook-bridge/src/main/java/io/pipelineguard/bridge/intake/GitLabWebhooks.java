package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.JobResult;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RunRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * GitLab webhooks: pipeline events and job events ({@code object_kind} {@code build} in GitLab's
 * own payloads, {@code job} in some libraries' samples: both accepted), authenticated by {@code
 * X-Gitlab-Token}, deduplicated by {@code Idempotency-Key}, else {@code X-Gitlab-Event-UUID}, else
 * the body's SHA-256. Dates in GitLab's own format ({@code 2016-08-12 15:23:28 UTC}) and ISO are
 * both read.
 */
public final class GitLabWebhooks implements WebhookSource {
  private static final Set<String> HANDLED = Set.of("pipeline", "build", "job");
  private static final Set<String> FINISHED = Set.of("success", "failed", "canceled", "skipped");

  private final Secret token;

  /** Creates the source checking {@code token} (unset: every request is refused). */
  public GitLabWebhooks(Secret token) {
    this.token = Objects.requireNonNull(token, "token must not be null");
  }

  @Override
  public Platform platform() {
    return Platform.GITLAB;
  }

  @Override
  public String missingConfiguration() {
    return token.isSet()
        ? null
        : "GitLab webhooks are disabled: set webhooks.gitlab.token (env GITLAB_WEBHOOK_TOKEN) to"
            + " the webhook's secret token";
  }

  @Override
  public String authenticate(WebhookRequest request) {
    String header = request.header("X-Gitlab-Token");
    if (header == null) {
      return "missing X-Gitlab-Token header";
    }
    return token.matches(header) ? null : "X-Gitlab-Token does not match";
  }

  @Override
  public String eventType(WebhookRequest request, JsonNode body) {
    return Json.required(body, "object_kind");
  }

  @Override
  public boolean handles(String eventType) {
    return HANDLED.contains(eventType);
  }

  @Override
  public String deliveryKey(WebhookRequest request, JsonNode body) {
    String key =
        Json.firstNonNull(
            trim(request.header("Idempotency-Key")), trim(request.header("X-Gitlab-Event-UUID")));
    return WebhookRequest.boundedKey(key == null ? "sha256:" + request.bodySha256() : key);
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }

  @Override
  public Interpretation interpret(long deliveryId, String eventType, JsonNode body, Instant now) {
    return "pipeline".equals(eventType)
        ? pipeline(body, now)
        : job(deliveryId, body, "build".equals(eventType) ? "build_" : "job_");
  }

  private static Interpretation pipeline(JsonNode body, Instant now) {
    JsonNode attributes = Json.object(body, "object_attributes");
    String projectId = Json.required(body, "project", "id");
    String id = Json.required(attributes, "id");
    String status = Json.required(attributes, "status");
    String url =
        Json.firstNonNull(
            Json.text(attributes, "url"),
            webUrl(body) == null ? null : webUrl(body) + "/-/pipelines/" + id);
    RunRecord run =
        new RunRecord(
            0,
            Platform.GITLAB,
            projectId + "/pipelines/" + id,
            projectName(body),
            Json.firstNonNull(Json.text(attributes, "iid"), id),
            status,
            FINISHED.contains(status) ? status : null,
            url,
            Json.text(attributes, "sha"),
            Json.text(attributes, "ref"),
            orNow(Timestamps.parse(Json.text(attributes, "created_at")), now),
            now);
    return new Interpretation(run, null);
  }

  private static Instant orNow(Instant value, Instant now) {
    return value == null ? now : value;
  }

  private static Interpretation job(long deliveryId, JsonNode body, String prefix) {
    String id = Json.required(body, prefix + "id");
    String status = Json.required(body, prefix + "status");
    String projectId = Json.required(body, "project_id");
    String pipelineId =
        Json.firstNonNull(Json.text(body, "pipeline_id"), Json.text(body, "commit", "id"), "0");
    if ("success".equals(status)) {
      return new Interpretation(
          null,
          null,
          new JobResult(
              Platform.GITLAB,
              Json.firstNonNull(Json.text(body, "project_name"), projectName(body)),
              projectId + "/pipelines/" + pipelineId,
              projectId + "/jobs/" + id,
              Json.firstNonNull(Json.text(body, prefix + "name"), "job"),
              1 + Math.max(0, Json.integer(body, 0, "retries_count")),
              true));
    }
    if (!"failed".equals(status)) {
      return Interpretation.nothing();
    }
    String homepage = Json.firstNonNull(Json.text(body, "repository", "homepage"), webUrl(body));
    FailedJob failed =
        new FailedJob(
            deliveryId,
            Platform.GITLAB,
            Json.firstNonNull(Json.text(body, "project_name"), projectName(body)),
            projectId + "/pipelines/" + pipelineId,
            projectId + "/jobs/" + id,
            Json.firstNonNull(Json.text(body, prefix + "name"), "job"),
            1 + Math.max(0, Json.integer(body, 0, "retries_count")),
            Json.firstNonNull(Json.text(body, prefix + "failure_reason"), "failed"),
            homepage == null ? null : homepage + "/-/jobs/" + id,
            Json.text(body, "sha"),
            Json.text(body, "ref"),
            Timestamps.parse(Json.text(body, prefix + "finished_at")));
    return new Interpretation(null, failed);
  }

  private static String webUrl(JsonNode body) {
    return Json.text(body, "project", "web_url");
  }

  private static String projectName(JsonNode body) {
    return Json.firstNonNull(
        Json.text(body, "project", "path_with_namespace"),
        Json.text(body, "project", "name"),
        Json.text(body, "project_name"),
        "gitlab project");
  }
}
