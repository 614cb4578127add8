package io.pipelineguard.bridge.platform;

import io.pipelineguard.bridge.config.PlatformApi;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.Platform;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.gitlab4j.api.GitLabApi;
import org.gitlab4j.api.GitLabApiException;
import org.gitlab4j.api.models.Job;
import org.gitlab4j.api.models.Pipeline;

/**
 * GitLab CI through the v4 REST API: the job trace streamed with the JDK client ({@code GET
 * /api/v4/projects/:id/jobs/:job_id/trace}; gitlab4j's {@code getTrace} would hold the whole trace
 * in a string), the retry with gitlab4j's {@code JobApi.retryJob} ({@code POST
 * .../jobs/:job_id/retry}), a whole pipeline with {@code PipelineApi.retryPipelineJob}, and a
 * rollback with {@code PipelineApi.createPipeline} on the ref named by the target. Job keys are
 * {@code PROJECT_ID/jobs/ID}, run keys {@code PROJECT_ID/pipelines/ID}.
 */
public final class GitLabPlatformClient implements PlatformClient {
  private final GitLabApi gitlab;
  private final String url;
  private final Map<String, String> headers;
  private final HttpCalls http = new HttpCalls();

  /** Creates the client; no request is made until the first call. */
  public GitLabPlatformClient(PlatformApi api) {
    Objects.requireNonNull(api, "api must not be null");
    this.url = api.url();
    this.gitlab = new GitLabApi(api.url(), api.token().reveal());
    this.headers = Map.of("PRIVATE-TOKEN", api.token().reveal());
  }

  @Override
  public Platform platform() {
    return Platform.GITLAB;
  }

  @Override
  public FetchedLog fetchLog(FailedJob job, long maxBytes) throws IOException {
    String project = PlatformKeys.before(job.jobKey(), "/jobs/");
    long id = PlatformKeys.idAfter(job.jobKey(), "/jobs/");
    return http.download(
        url + "/api/v4/projects/" + project + "/jobs/" + id + "/trace", headers, maxBytes);
  }

  @Override
  public String retryJob(FailedJob job) throws IOException {
    long project = PlatformKeys.number(PlatformKeys.before(job.jobKey(), "/jobs/"));
    long id = PlatformKeys.idAfter(job.jobKey(), "/jobs/");
    try {
      Job retried = gitlab.getJobApi().retryJob(project, id);
      return "retried job " + id + " of project " + project + " as job " + retried.getId();
    } catch (GitLabApiException e) {
      throw new IOException("GitLab refused the retry of job " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String retryRun(FailedJob job) throws IOException {
    long project = PlatformKeys.number(PlatformKeys.before(job.runKey(), "/pipelines/"));
    long pipeline = PlatformKeys.idAfter(job.runKey(), "/pipelines/");
    try {
      gitlab.getPipelineApi().retryPipelineJob(project, pipeline);
      return "retried the failed jobs of pipeline " + pipeline;
    } catch (GitLabApiException e) {
      throw new IOException("GitLab refused the retry of pipeline " + pipeline, e);
    }
  }

  @Override
  public String retryFailedJobs(FailedJob job) throws IOException {
    return retryRun(job);
  }

  @Override
  public String triggerRollback(FailedJob job, String target) throws IOException {
    long project = PlatformKeys.number(PlatformKeys.before(job.jobKey(), "/jobs/"));
    try {
      Pipeline pipeline = gitlab.getPipelineApi().createPipeline(project, target);
      return "started rollback pipeline " + pipeline.getId() + " on " + target;
    } catch (GitLabApiException e) {
      throw new IOException("GitLab refused the rollback pipeline on " + target, e);
    }
  }
}
