package io.pipelineguard.bridge.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.JobResult;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RunRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * Azure DevOps service hooks: {@code build.complete} with resource version 1.0 ({@code status}
 * holds the result) or 2.0 ({@code result} holds it), authenticated by the basic-auth credentials
 * set on the hook, deduplicated by the event {@code id} (a GUID), else {@code notificationId}. The
 * body may start with a UTF-8 byte-order mark (the intake strips it before parsing).
 */
public final class AzureDevOpsWebhooks implements WebhookSource {
  private final String username;
  private final Secret password;

  /** Creates the source checking these credentials (unset password: every request refused). */
  public AzureDevOpsWebhooks(String username, Secret password) {
    this.username = Objects.requireNonNull(username, "username must not be null");
    this.password = Objects.requireNonNull(password, "password must not be null");
  }

  @Override
  public Platform platform() {
    return Platform.AZURE_DEVOPS;
  }

  @Override
  public String missingConfiguration() {
    return password.isSet()
        ? null
        : "Azure DevOps webhooks are disabled: set webhooks.azure.username and"
            + " webhooks.azure.password (env AZURE_WEBHOOK_USERNAME, AZURE_WEBHOOK_PASSWORD) to the"
            + " service hook's basic-auth credentials";
  }

  @Override
  public String authenticate(WebhookRequest request) {
    BasicAuth auth = BasicAuth.parse(request.header("Authorization"));
    if (auth == null) {
      return "missing basic-auth credentials";
    }
    boolean userMatches =
        MessageDigest.isEqual(
            username.getBytes(StandardCharsets.UTF_8),
            auth.user().getBytes(StandardCharsets.UTF_8));
    boolean passwordMatches = password.matches(auth.password());
    return userMatches && passwordMatches ? null : "basic-auth credentials do not match";
  }

  @Override
  public String eventType(WebhookRequest request, JsonNode body) {
    return Json.required(body, "eventType");
  }

  @Override
  public boolean handles(String eventType) {
    return "build.complete".equals(eventType);
  }

  @Override
  public String deliveryKey(WebhookRequest request, JsonNode body) {
    String id = Json.firstNonNull(Json.text(body, "id"), Json.text(body, "notificationId"));
    return WebhookRequest.boundedKey(id == null ? "sha256:" + request.bodySha256() : id);
  }

  @Override
  public Interpretation interpret(long deliveryId, String eventType, JsonNode body, Instant now) {
    JsonNode resource = Json.object(body, "resource");
    String id = Json.required(resource, "id");
    String result = Json.firstNonNull(Json.text(resource, "result"), Json.text(resource, "status"));
    if (result == null) {
      throw new PayloadException("payload lacks resource.result and resource.status");
    }
    String sourceGetVersion = Json.text(resource, "sourceGetVersion");
    String branch = Json.firstNonNull(Json.text(resource, "sourceBranch"), refOf(sourceGetVersion));
    String sha = Json.firstNonNull(Json.text(resource, "sourceVersion"), shaOf(sourceGetVersion));
    String apiUrl = Json.text(resource, "url");
    String webUrl = Json.firstNonNull(Json.text(resource, "_links", "web", "href"), apiUrl);
    String runKey = Json.firstNonNull(apiUrl, "builds/" + id);
    String pipeline =
        Json.firstNonNull(Json.text(resource, "definition", "name"), "azure pipeline " + id);
    String status = Json.firstNonNull(Json.text(resource, "status"), "completed");
    RunRecord run =
        new RunRecord(
            0,
            Platform.AZURE_DEVOPS,
            runKey,
            pipeline,
            Json.text(resource, "buildNumber"),
            status,
            result,
            webUrl,
            sha,
            branch,
            now,
            now);
    if (!"failed".equalsIgnoreCase(result)) {
      boolean passed = "succeeded".equalsIgnoreCase(result);
      return new Interpretation(
          run,
          null,
          passed
              ? new JobResult(Platform.AZURE_DEVOPS, pipeline, runKey, runKey, pipeline, 1, true)
              : null);
    }
    FailedJob failed =
        new FailedJob(
            deliveryId,
            Platform.AZURE_DEVOPS,
            pipeline,
            runKey,
            runKey,
            pipeline,
            1,
            result,
            webUrl,
            sha,
            branch,
            Timestamps.parse(Json.text(resource, "finishTime")));
    return new Interpretation(run, failed);
  }

  /** {@code LG:refs/heads/master:600c52...} gives {@code refs/heads/master}. */
  private static String refOf(String sourceGetVersion) {
    if (sourceGetVersion == null) {
      return null;
    }
    String[] parts = sourceGetVersion.split(":");
    return parts.length == 3 ? parts[1] : null;
  }

  private static String shaOf(String sourceGetVersion) {
    if (sourceGetVersion == null) {
      return null;
    }
    String[] parts = sourceGetVersion.split(":");
    return parts.length == 3 ? parts[2] : null;
  }
}
