package io.pipelineguard.bridge.store;

import java.util.Objects;

/**
 * A job that finished, passed or failed, as a delivery reports it: what the repair loop matches
 * against the repairs it started, to record their outcome.
 *
 * @param platform where it ran
 * @param pipeline the pipeline name
 * @param runKey the run (GitHub run, GitLab pipeline, Azure build, Jenkins build) key
 * @param jobKey the job's key on its platform
 * @param jobName the job's name
 * @param attempt the run attempt (1 for the first)
 * @param succeeded whether it passed
 */
public record JobResult(
    Platform platform,
    String pipeline,
    String runKey,
    String jobKey,
    String jobName,
    int attempt,
    boolean succeeded) {
  /** Validates the fields. */
  public JobResult {
    Objects.requireNonNull(platform, "platform must not be null");
    Objects.requireNonNull(pipeline, "pipeline must not be null");
    Objects.requireNonNull(runKey, "runKey must not be null");
    Objects.requireNonNull(jobKey, "jobKey must not be null");
    Objects.requireNonNull(jobName, "jobName must not be null");
  }

  /** Returns the result a failed job reports. */
  public static JobResult failed(FailedJob job) {
    return new JobResult(
        job.platform(),
        job.pipeline(),
        job.runKey(),
        job.jobKey(),
        job.jobName(),
        job.attempt(),
        false);
  }
}
