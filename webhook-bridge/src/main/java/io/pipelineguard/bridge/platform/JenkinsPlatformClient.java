package io.pipelineguard.bridge.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineguard.bridge.config.PlatformApi;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.Platform;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Jenkins through its REST routes with the JDK client: the console ({@code GET
 * {job}/{n}/consoleText}), a new build of the job ({@code POST {job}/build}; a job with parameters
 * needs {@code buildWithParameters}, not handled here) and a rollback build of the job path {@code
 * target}. Authenticated with user and API token (basic); a crumb is fetched from {@code
 * crumbIssuer/api/json} when the controller issues them. Job keys are {@code JOB_URL#NUMBER}, the
 * job URL being the Notification plugin's (relative, or absolute: only its path is used, against
 * the configured controller URL).
 */
public final class JenkinsPlatformClient implements PlatformClient {
  private final String url;
  private final Map<String, String> headers;
  private final HttpCalls http = new HttpCalls();
  private final ObjectMapper json = new ObjectMapper();

  /** Creates the client for the controller URL. */
  public JenkinsPlatformClient(PlatformApi api) {
    Objects.requireNonNull(api, "api must not be null");
    this.url = api.url();
    this.headers = Map.of("Authorization", HttpCalls.basicAuthorization(api));
  }

  @Override
  public Platform platform() {
    return Platform.JENKINS;
  }

  private String jobUrl(String jobPath) {
    String path = jobPath;
    if (path.startsWith("http://") || path.startsWith("https://")) {
      path = URI.create(path).getPath();
    }
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    return url + "/" + (path.endsWith("/") ? path : path + "/");
  }

  @Override
  public FetchedLog fetchLog(FailedJob job, long maxBytes) throws IOException {
    String jobPath = PlatformKeys.before(job.jobKey(), "#");
    long number = PlatformKeys.idAfter(job.jobKey(), "#");
    return http.download(jobUrl(jobPath) + number + "/consoleText", headers, maxBytes);
  }

  @Override
  public String retryJob(FailedJob job) throws IOException {
    String jobUrl = jobUrl(PlatformKeys.before(job.jobKey(), "#"));
    http.send("POST", jobUrl + "build", withCrumb(), null);
    return "new build requested of " + jobUrl;
  }

  @Override
  public String triggerRollback(FailedJob job, String target) throws IOException {
    String jobUrl = jobUrl(target.startsWith("job/") ? target : "job/" + target);
    http.send("POST", jobUrl + "build", withCrumb(), null);
    return "rollback build requested of " + jobUrl;
  }

  private Map<String, String> withCrumb() {
    Map<String, String> all = new HashMap<>(headers);
    try {
      JsonNode crumb =
          json.readTree(http.send("GET", url + "/crumbIssuer/api/json", headers, null));
      String field = crumb.path("crumbRequestField").asText("");
      if (!field.isEmpty()) {
        all.put(field, crumb.path("crumb").asText(""));
      }
    } catch (IOException e) {
      // No crumb issuer (404) or API-token authentication that needs none: send without.
    }
    return all;
  }
}
