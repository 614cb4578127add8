package io.pipelineguard.bridge.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineguard.bridge.config.PlatformApi;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.Platform;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure DevOps Pipelines through the REST API 7.1 with the JDK client and Jackson: the build's logs
 * ({@code GET {org}/{project}/_apis/build/builds/{id}/logs}, then each log, concatenated up to the
 * cap), the retry ({@code PATCH .../builds/{id}?retry=true}, which re-runs the failed stages of the
 * same build), and a rollback by queueing a build of definition id {@code target} ({@code POST
 * .../_apis/build/builds}). The project and build id are read from the job key (the build's API
 * URL); requests go to the configured organisation URL only, never to a URL from a payload.
 */
public final class AzureDevOpsPlatformClient implements PlatformClient {
  private static final Pattern BUILD = Pattern.compile("/([^/]+)/_apis/build/[Bb]uilds/(\\d+)/?$");
  private static final String VERSION = "api-version=7.1";

  private final String url;
  private final Map<String, String> headers;
  private final HttpCalls http = new HttpCalls();
  private final ObjectMapper json = new ObjectMapper();

  /** Creates the client for the organisation URL (e.g. {@code https://dev.azure.com/ORG}). */
  public AzureDevOpsPlatformClient(PlatformApi api) {
    Objects.requireNonNull(api, "api must not be null");
    this.url = api.url();
    this.headers =
        Map.of(
            "Authorization", HttpCalls.basicAuthorization(api), "Content-Type", "application/json");
  }

  @Override
  public Platform platform() {
    return Platform.AZURE_DEVOPS;
  }

  private String buildUrl(FailedJob job) throws IOException {
    Matcher m = BUILD.matcher(job.jobKey());
    if (!m.find()) {
      throw new IOException("unexpected Azure DevOps build key '" + job.jobKey() + "'");
    }
    return url + "/" + m.group(1) + "/_apis/build/builds/" + m.group(2);
  }

  private String projectUrl(FailedJob job) throws IOException {
    Matcher m = BUILD.matcher(job.jobKey());
    if (!m.find()) {
      throw new IOException("unexpected Azure DevOps build key '" + job.jobKey() + "'");
    }
    return url + "/" + m.group(1);
  }

  @Override
  public FetchedLog fetchLog(FailedJob job, long maxBytes) throws IOException {
    String build = buildUrl(job);
    JsonNode list = json.readTree(http.send("GET", build + "/logs?" + VERSION, headers, null));
    List<Long> ids = new ArrayList<>();
    for (JsonNode log : list.path("value")) {
      ids.add(log.path("id").asLong());
    }
    Path file = Files.createTempFile("pipeline-guard-log-", ".log");
    long written = 0;
    boolean truncated = false;
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long id : ids) {
        if (written >= maxBytes) {
          truncated = true;
          break;
        }
        try (FetchedLog part =
            http.download(build + "/logs/" + id + "?" + VERSION, headers, maxBytes - written)) {
          Files.copy(part.file(), out);
          written += part.bytes();
          truncated |= part.truncated();
        }
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return new FetchedLog(file, written, truncated);
  }

  @Override
  public String retryJob(FailedJob job) throws IOException {
    String build = buildUrl(job);
    http.send("PATCH", build + "?retry=true&" + VERSION, headers, "{}");
    return "retry requested for build " + build.substring(build.lastIndexOf('/') + 1);
  }

  @Override
  public String triggerRollback(FailedJob job, String target) throws IOException {
    long definition;
    try {
      definition = Long.parseLong(target.trim());
    } catch (NumberFormatException e) {
      throw new IOException("Azure DevOps rollback target must be a definition id: " + target, e);
    }
    Map<String, Object> body =
        job.branch() == null
            ? Map.of("definition", Map.of("id", definition))
            : Map.of("definition", Map.of("id", definition), "sourceBranch", job.branch());
    JsonNode queued =
        json.readTree(
            http.send(
                "POST",
                projectUrl(job) + "/_apis/build/builds?" + VERSION,
                headers,
                json.writeValueAsString(body)));
    return "queued rollback build " + queued.path("id").asText("?") + " of definition " + target;
  }
}
