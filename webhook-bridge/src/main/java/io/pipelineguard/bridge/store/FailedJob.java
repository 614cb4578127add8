package io.pipelineguard.bridge.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A failed CI job, the platform-neutral unit handed to a {@code FailureProcessor}: which platform,
 * pipeline, run and job failed, on which attempt, with what conclusion, where to see it, and the
 * delivery that reported it.
 *
 * <p>{@code jobKey} identifies the job on its platform (GitHub {@code owner/repo/jobs/ID}, GitLab
 * {@code PROJECT_ID/jobs/ID}, Azure DevOps the build URL, Jenkins the build URL); with {@code
 * attempt} it is unique, so recording the same failure twice has no effect. {@code url}, {@code
 * commitSha}, {@code branch} and {@code finishedAt} may be null.
 */
public record FailedJob(
    long deliveryId,
    Platform platform,
    String pipeline,
    String runKey,
    String jobKey,
    String jobName,
    int attempt,
    String conclusion,
    String url,
    String commitSha,
    String branch,
    Instant finishedAt) {
  /** Validates the required fields. */
  public FailedJob {
    Objects.requireNonNull(platform, "platform must not be null");
    Objects.requireNonNull(pipeline, "pipeline must not be null");
    Objects.requireNonNull(runKey, "runKey must not be null");
    Objects.requireNonNull(jobKey, "jobKey must not be null");
    Objects.requireNonNull(jobName, "jobName must not be null");
    Objects.requireNonNull(conclusion, "conclusion must not be null");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
  }
}
