package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.JobResult;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RunRecord;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Build notifications from Jenkins masters without the Pipeline Guard plugin, in the Notification
 * plugin's JSON ({@code {"name", "url", "build": {"number", "phase", "status", "full_url",
 * "scm"}}}). Authenticated by the shared token in {@code X-Pipeline-Guard-Token} or as the password
 * of basic auth (any user name), so a notification URL like {@code
 * https://guard:TOKEN@host/webhooks/jenkins} works. Only {@code COMPLETED} and {@code FINALIZED}
 * phases are stored; the key is the job URL, build number and phase, so both phases of one build
 * are stored once each and the failure is recorded once.
 */
public final class JenkinsWebhooks implements WebhookSource {
  private final Secret token;

  /** Creates the source checking {@code token} (unset: every request is refused). */
  public JenkinsWebhooks(Secret token) {
    this.token = Objects.requireNonNull(token, "token must not be null");
  }

  @Override
  public Platform platform() {
    return Platform.JENKINS;
  }

  @Override
  public String missingConfiguration() {
    return token.isSet()
        ? null
        : "Jenkins notifications are disabled: set webhooks.jenkins.token (env"
            + " JENKINS_WEBHOOK_TOKEN) and send it in X-Pipeline-Guard-Token or as the basic-auth"
            + " password";
  }

  @Override
  public String authenticate(WebhookRequest request) {
    String header = request.header("X-Pipeline-Guard-Token");
    if (header != null) {
      return token.matches(header.trim()) ? null : "X-Pipeline-Guard-Token does not match";
    }
    BasicAuth auth = BasicAuth.parse(request.header("Authorization"));
    if (auth == null) {
      return "missing X-Pipeline-Guard-Token header or basic-auth credentials";
    }
    return token.matches(auth.password()) ? null : "basic-auth password does not match";
  }

  @Override
  public String eventType(WebhookRequest request, JsonNode body) {
    String phase = Json.required(body, "build", "phase");
    return "build." + phase.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean handles(String eventType) {
    return "build.completed".equals(eventType) || "build.finalized".equals(eventType);
  }

  @Override
  public String deliveryKey(WebhookRequest request, JsonNode body) {
    return WebhookRequest.boundedKey(
        buildKey(body) + "#" + Json.required(body, "build", "phase").toUpperCase(Locale.ROOT));
  }

  private static String buildKey(JsonNode body) {
    String job = Json.firstNonNull(Json.text(body, "url"), Json.required(body, "name"));
    return job + "#" + Json.required(body, "build", "number");
  }

  @Override
  public Interpretation interpret(long deliveryId, String eventType, JsonNode body, Instant now) {
    String runKey = buildKey(body);
    String name = Json.required(body, "name");
    String status = Json.text(body, "build", "status");
    String url = Json.text(body, "build", "full_url");
    String sha = Json.text(body, "build", "scm", "commit");
    String branch = Json.text(body, "build", "scm", "branch");
    RunRecord run =
        new RunRecord(
            0,
            Platform.JENKINS,
            runKey,
            name,
            Json.required(body, "build", "number"),
            eventType.substring("build.".length()),
            status,
            url,
            sha,
            branch,
            now,
            now);
    if (!"FAILURE".equalsIgnoreCase(status)) {
      boolean passed = "SUCCESS".equalsIgnoreCase(status);
      return new Interpretation(
          run,
          null,
          passed ? new JobResult(Platform.JENKINS, name, runKey, runKey, name, 1, true) : null);
    }
    FailedJob failed =
        new FailedJob(
            deliveryId,
            Platform.JENKINS,
            name,
            runKey,
            runKey,
            name,
            1,
            status.toUpperCase(Locale.ROOT),
            url,
            sha,
            branch,
            null);
    return new Interpretation(run, failed);
  }
}
