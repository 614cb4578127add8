package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.JobResult;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RunRecord;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub webhooks: {@code workflow_run}, {@code workflow_job} and {@code check_run}, signed with
 * {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body), deduplicated by {@code
 * X-GitHub-Delivery}. {@code ping} is answered. A failed {@code workflow_job} is a failed job; a
 * failed {@code check_run} is one too unless GitHub Actions made it (its job already arrives as
 * {@code workflow_job}, and one failure must not be repaired twice).
 */
public final class GitHubWebhooks implements WebhookSource {
  private static final Set<String> HANDLED = Set.of("workflow_run", "workflow_job", "check_run");
  private static final Set<String> FAILED = Set.of("failure", "timed_out", "startup_failure");

  /** Every field {@link #interpret} and {@link FinishedRuns} read (a test checks both). */
  private static final PayloadShape SHAPE =
      PayloadShape.of(
          "repository.full_name",
          "workflow_run.id",
          "workflow_run.name",
          "workflow_run.run_number",
          "workflow_run.status",
          "workflow_run.conclusion",
          "workflow_run.html_url",
          "workflow_run.head_sha",
          "workflow_run.head_branch",
          "workflow_run.run_started_at",
          "workflow_run.created_at",
          "workflow_run.updated_at",
          "workflow_run.run_attempt",
          "workflow_job.id",
          "workflow_job.status",
          "workflow_job.conclusion",
          "workflow_job.workflow_name",
          "workflow_job.run_id",
          "workflow_job.name",
          "workflow_job.run_attempt",
          "workflow_job.html_url",
          "workflow_job.head_sha",
          "workflow_job.head_branch",
          "workflow_job.completed_at",
          "check_run.id",
          "check_run.status",
          "check_run.conclusion",
          "check_run.app.slug",
          "check_run.app.name",
          "check_run.check_suite.id",
          "check_run.check_suite.head_branch",
          "check_run.name",
          "check_run.html_url",
          "check_run.head_sha",
          "check_run.completed_at");

  private final Secret secret;

  /** One keyed HMAC per request thread: {@code Mac.getInstance} and {@code init} cost a lookup. */
  private final ThreadLocal<Mac> macs;

  /** Creates the source verifying with {@code secret} (unset: every request is refused). */
  public GitHubWebhooks(Secret secret) {
    this.secret = Objects.requireNonNull(secret, "secret must not be null");
    this.macs = ThreadLocal.withInitial(() -> keyedMac(secret.bytes()));
  }

  @Override
  public Platform platform() {
    return Platform.GITHUB;
  }

  @Override
  public String missingConfiguration() {
    return secret.isSet()
        ? null
        : "GitHub webhooks are disabled: set webhooks.github.secret (env GITHUB_WEBHOOK_SECRET)"
            + " to the webhook's secret";
  }

  @Override
  public String authenticate(WebhookRequest request) {
    String header = request.header("X-Hub-Signature-256");
    if (header == null) {
      return "missing X-Hub-Signature-256 header";
    }
    byte[] expected =
        ("sha256=" + HexFormat.of().formatHex(macs.get().doFinal(request.body())))
            .getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, header.trim().getBytes(StandardCharsets.UTF_8))
        ? null
        : "X-Hub-Signature-256 does not match the body";
  }

  /** Returns the lower-case hex HMAC-SHA256 of {@code body} under {@code key}. */
  public static String hmacHex(byte[] key, byte[] body) {
    return HexFormat.of().formatHex(keyedMac(key).doFinal(body));
  }

  private static Mac keyedMac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public PayloadShape payloadShape() {
    return SHAPE;
  }

  @Override
  public String eventType(WebhookRequest request, JsonNode body) {
    String event = request.header("X-GitHub-Event");
    if (event == null || event.isBlank()) {
      throw new PayloadException("missing X-GitHub-Event header");
    }
    return event.trim();
  }

  @Override
  public boolean handles(String eventType) {
    return HANDLED.contains(eventType);
  }

  @Override
  public boolean isPing(String eventType) {
    return "ping".equals(eventType);
  }

  @Override
  public String deliveryKey(WebhookRequest request, JsonNode body) {
    String id = request.header("X-GitHub-Delivery");
    return WebhookRequest.boundedKey(
        id == null || id.isBlank() ? "sha256:" + request.bodySha256() : id.trim());
  }

  @Override
  public Interpretation interpret(long deliveryId, String eventType, JsonNode body, Instant now) {
    String repo = Json.required(body, "repository", "full_name");
    switch (eventType) {
      case "workflow_run":
        return workflowRun(repo, Json.object(body, "workflow_run"), now);
      case "workflow_job":
        return workflowJob(deliveryId, repo, Json.object(body, "workflow_job"));
      case "check_run":
        return checkRun(deliveryId, repo, Json.object(body, "check_run"));
      default:
        return Interpretation.nothing();
    }
  }

  private static Interpretation workflowRun(String repo, JsonNode run, Instant now) {
    RunRecord record =
        new RunRecord(
            0,
            Platform.GITHUB,
            repo + "/actions/runs/" + Json.required(run, "id"),
            repo + " / " + Json.firstNonNull(Json.text(run, "name"), "workflow"),
            Json.text(run, "run_number"),
            Json.required(run, "status"),
            Json.text(run, "conclusion"),
            Json.text(run, "html_url"),
            Json.text(run, "head_sha"),
            Json.text(run, "head_branch"),
            now,
            now);
    return new Interpretation(record, null);
  }

  private static Interpretation workflowJob(long deliveryId, String repo, JsonNode job) {
    String conclusion = Json.text(job, "conclusion");
    Json.required(job, "id");
    if (!"completed".equals(Json.text(job, "status"))) {
      return Interpretation.nothing();
    }
    if (!FAILED.contains(conclusion)) {
      boolean passed = "success".equals(conclusion);
      JobResult result =
          new JobResult(
              Platform.GITHUB,
              repo + " / " + Json.firstNonNull(Json.text(job, "workflow_name"), "workflow"),
              repo + "/actions/runs/" + Json.required(job, "run_id"),
              repo + "/jobs/" + Json.required(job, "id"),
              Json.firstNonNull(Json.text(job, "name"), "job"),
              Math.max(1, Json.integer(job, 1, "run_attempt")),
              passed);
      return passed ? new Interpretation(null, null, result) : Interpretation.nothing();
    }
    FailedJob failed =
        new FailedJob(
            deliveryId,
            Platform.GITHUB,
            repo + " / " + Json.firstNonNull(Json.text(job, "workflow_name"), "workflow"),
            repo + "/actions/runs/" + Json.required(job, "run_id"),
            repo + "/jobs/" + Json.required(job, "id"),
            Json.firstNonNull(Json.text(job, "name"), "job"),
            Math.max(1, Json.integer(job, 1, "run_attempt")),
            conclusion,
            Json.text(job, "html_url"),
            Json.text(job, "head_sha"),
            Json.text(job, "head_branch"),
            Timestamps.parse(Json.text(job, "completed_at")));
    return new Interpretation(null, failed);
  }

  private static Interpretation checkRun(long deliveryId, String repo, JsonNode check) {
    String conclusion = Json.text(check, "conclusion");
    Json.required(check, "id");
    boolean byActions = "github-actions".equals(Json.text(check, "app", "slug"));
    if (byActions
        || !"completed".equals(Json.text(check, "status"))
        || !FAILED.contains(conclusion)) {
      return Interpretation.nothing();
    }
    FailedJob failed =
        new FailedJob(
            deliveryId,
            Platform.GITHUB,
            repo + " / " + Json.firstNonNull(Json.text(check, "app", "name"), "checks"),
            repo + "/check-suites/" + Json.firstNonNull(Json.text(check, "check_suite", "id"), "0"),
            repo + "/check-runs/" + Json.required(check, "id"),
            Json.firstNonNull(Json.text(check, "name"), "check"),
            1,
            conclusion,
            Json.text(check, "html_url"),
            Json.text(check, "head_sha"),
            Json.text(check, "check_suite", "head_branch"),
            Timestamps.parse(Json.text(check, "completed_at")));
    return new Interpretation(null, failed);
  }
}
