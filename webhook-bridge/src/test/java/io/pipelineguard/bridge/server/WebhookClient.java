package io.pipelineguard.bridge.server;

import io.pipelineguard.bridge.config.BridgeConfig;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.intake.GitHubWebhooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.BooleanSupplier;

/** Test helper: configuration with known secrets, fixture loading, and signed requests. */
final class WebhookClient {
  static final String GITHUB_SECRET = "It's a Secret to Everybody";
  static final String GITLAB_TOKEN = "gitlab-token-1";
  static final String AZURE_USER = "azure-hook";
  static final String AZURE_PASSWORD = "azure-password-1";
  static final String JENKINS_TOKEN = "jenkins-token-1";
  static final String ADMIN_KEY = "admin-key-1";

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  WebhookClient(int port) {
    this.port = port;
  }

  static BridgeConfig.Builder config(Path dataDir) {
    return BridgeConfig.builder()
        .host("127.0.0.1")
        .port(0)
        .dataDir(dataDir)
        .githubSecret(Secret.of(GITHUB_SECRET))
        .gitlabToken(Secret.of(GITLAB_TOKEN))
        .azureCredentials(AZURE_USER, Secret.of(AZURE_PASSWORD))
        .jenkinsToken(Secret.of(JENKINS_TOKEN))
        .adminKey(Secret.of(ADMIN_KEY))
        .sweepIntervalSeconds(1);
  }

  static byte[] fixture(String name) {
    try (InputStream in = WebhookClient.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpRequest.Builder post(String platform) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/" + platform))
        .header("Content-Type", "application/json");
  }

  HttpResponse<String> github(String event, String deliveryId, byte[] body) {
    String signature =
        "sha256=" + GitHubWebhooks.hmacHex(GITHUB_SECRET.getBytes(StandardCharsets.UTF_8), body);
    return send(
        post("github")
            .header("X-GitHub-Event", event)
            .header("X-GitHub-Delivery", deliveryId)
            .header("X-Hub-Signature-256", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<String> gitlab(String uuid, byte[] body) {
    return send(
        post("gitlab")
            .header("X-Gitlab-Token", GITLAB_TOKEN)
            .header("X-Gitlab-Event-UUID", uuid)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<String> azure(byte[] body) {
    return send(
        post("azure")
            .header("Authorization", basic(AZURE_USER, AZURE_PASSWORD))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<String> jenkins(byte[] body) {
    return send(
        post("jenkins")
            .header("X-Pipeline-Guard-Token", JENKINS_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<String> get(String path, String apiKey) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (apiKey != null) {
      builder.header("X-API-Key", apiKey);
    }
    return send(builder);
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits (up to 20 s) for a condition that background workers make true. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
