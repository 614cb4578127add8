package io.pipelineguard.bridge.platform;

import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.Platform;
import java.io.IOException;

/**
 * One CI platform's API as the repair loop uses it: fetch a failed job's log, run it again, or
 * trigger a rollback. Implementations are thread-safe, hold the platform's token and never log it.
 * Every call is a blocking HTTP request (or two) to the platform.
 */
public interface PlatformClient {
  /** Returns the platform this client calls. */
  Platform platform();

  /**
   * Downloads the failed job's log, at most {@code maxBytes} (the rest is not read), into a
   * temporary file the caller closes.
   *
   * @throws IOException when the platform refuses or cannot be reached
   */
  FetchedLog fetchLog(FailedJob job, long maxBytes) throws IOException;

  /**
   * Runs the failed job again (GitHub: re-run the job; GitLab: retry the job; Azure DevOps: retry
   * the build's failed stages; Jenkins: build the job again).
   *
   * @return one line saying what the platform was asked to do, for the repair record
   */
  String retryJob(FailedJob job) throws IOException;

  /** Re-runs the failed jobs of the job's run; by default the same as {@link #retryJob}. */
  default String retryFailedJobs(FailedJob job) throws IOException {
    return retryJob(job);
  }

  /** Re-runs the job's whole run; by default the same as {@link #retryJob}. */
  default String retryRun(FailedJob job) throws IOException {
    return retryJob(job);
  }

  /**
   * Triggers the rollback named by {@code target} (GitHub: a workflow file dispatched on the job's
   * branch; GitLab: a pipeline on the ref {@code target}; Azure DevOps: a build of definition id
   * {@code target}; Jenkins: a build of job path {@code target}).
   */
  String triggerRollback(FailedJob job, String target) throws IOException;
}
