package io.pipelineguard.bridge.platform;

import io.pipelineguard.bridge.config.PlatformApi;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.Platform;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/**
 * GitHub Actions through the REST API: the job log with {@code GHWorkflowJob.downloadLogs} ({@code
 * GET /repos/{o}/{r}/actions/jobs/{id}/logs}); a job re-run with {@code POST
 * /repos/{o}/{r}/actions/jobs/{id}/rerun} and the run's failed jobs with {@code POST
 * .../actions/runs/{id}/rerun-failed-jobs} (routes the kohsuke library lacks, called with the JDK
 * client and the same token); a whole run with {@code GHWorkflowRun.rerun}; a rollback with {@code
 * GHWorkflow.dispatch} on the job's branch. Job keys are {@code owner/repo/jobs/ID}, run keys
 * {@code owner/repo/actions/runs/ID}.
 */
public final class GitHubPlatformClient implements PlatformClient {
  private final GitHub github;
  private final String apiUrl;
  private final Map<String, String> headers;
  private final HttpCalls http = new HttpCalls();

  /**
   * Creates the client; connects lazily (no request until the first call).
   *
   * @throws IOException when the library refuses the configuration
   */
  public GitHubPlatformClient(PlatformApi api) throws IOException {
    Objects.requireNonNull(api, "api must not be null");
    this.apiUrl = api.url();
    this.github =
        new GitHubBuilder().withEndpoint(api.url()).withOAuthToken(api.token().reveal()).build();
    this.headers =
        Map.of(
            "Authorization", "Bearer " + api.token().reveal(),
            "Accept", "application/vnd.github+json",
            "X-GitHub-Api-Version", "2022-11-28");
  }

  @Override
  public Platform platform() {
    return Platform.GITHUB;
  }

  private GHRepository repository(String key, String marker) throws IOException {
    return github.getRepository(PlatformKeys.before(key, marker));
  }

  @Override
  public FetchedLog fetchLog(FailedJob job, long maxBytes) throws IOException {
    long id = PlatformKeys.idAfter(job.jobKey(), "/jobs/");
    return repository(job.jobKey(), "/jobs/")
        .getWorkflowJob(id)
        .downloadLogs(in -> FetchedLog.copy(in, maxBytes));
  }

  @Override
  public String retryJob(FailedJob job) throws IOException {
    String repo = PlatformKeys.before(job.jobKey(), "/jobs/");
    long id = PlatformKeys.idAfter(job.jobKey(), "/jobs/");
    String url = apiUrl + "/repos/" + repo + "/actions/jobs/" + id + "/rerun";
    http.send("POST", url, headers, "{}");
    return "re-run requested for job " + id + " of " + repo;
  }

  @Override
  public String retryFailedJobs(FailedJob job) throws IOException {
    String repo = PlatformKeys.before(job.runKey(), "/actions/runs/");
    long run = PlatformKeys.idAfter(job.runKey(), "/actions/runs/");
    String url = apiUrl + "/repos/" + repo + "/actions/runs/" + run + "/rerun-failed-jobs";
    http.send("POST", url, headers, "{}");
    return "re-run of the failed jobs requested for run " + run + " of " + repo;
  }

  @Override
  public String retryRun(FailedJob job) throws IOException {
    long run = PlatformKeys.idAfter(job.runKey(), "/actions/runs/");
    repository(job.runKey(), "/actions/runs/").getWorkflowRun(run).rerun();
    return "re-run requested for run " + run;
  }

  @Override
  public String triggerRollback(FailedJob job, String target) throws IOException {
    String ref = job.branch() == null ? "main" : job.branch();
    repository(job.jobKey(), "/jobs/").getWorkflow(target).dispatch(ref);
    return "dispatched workflow " + target + " on " + ref;
  }
}
