package io.pipelineguard.jenkins;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Everything a running guard reaches outside itself: the engine, the build log, a timer, rollback
 * jobs and the build page. Never serialized: a guard holds it in a transient field and gets a fresh
 * one when it resumes after a controller restart.
 *
 * <p>{@link JenkinsGuardRuntime} is the real one; tests pass doubles.
 */
public interface GuardRuntime {

  /** Returns the engine that diagnoses and plans. */
  GuardEngine engine();

  /** Returns the clock used for backoff deadlines. */
  Clock clock();

  /** Returns access to the build log. */
  BuildLog log();

  /** Returns the timer for backoff waits. */
  Scheduler scheduler();

  /** Returns the launcher of rollback jobs. */
  RollbackLauncher rollbacks();

  /** Returns the sink of guard records shown on the build page. */
  Reporter reporter();

  /** Returns what deletes a block's {@code cleanPaths} before a clean retry. */
  WorkspaceCleaner workspace();

  /** Deletes paths inside the workspace of the node a step runs on. */
  interface WorkspaceCleaner {
    /**
     * Deletes each path (already validated as relative and inside the workspace), recursively;
     * missing paths are skipped. I/O on the agent: never on the CPS VM thread.
     *
     * @return one line saying what was deleted, for the build log
     * @throws IOException when a path could not be deleted
     */
    String clean(StepContext context, List<String> paths) throws IOException, InterruptedException;
  }

  /** Bounded reading of the console log of the build a step runs in. */
  interface BuildLog {
    /**
     * Returns a position in the log that {@link #linesSince} can start from: the current end. Cheap
     * (a file length), but still I/O: not for the CPS VM thread.
     */
    long mark(StepContext context) throws IOException, InterruptedException;

    /**
     * Returns the lines written since {@code mark}, console notes removed, at most {@code maxLines}
     * lines and {@link GuardSettings#MAX_LOG_BYTES} bytes (the tail is kept).
     */
    List<String> linesSince(StepContext context, long mark, int maxLines)
        throws IOException, InterruptedException;
  }

  /** Runs a task after a delay, off the CPS VM thread. */
  interface Scheduler {
    /** Schedules {@code task}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);
  }

  /** A scheduled task that can still be called off. */
  interface Cancellable {
    /** Cancels the task if it has not started. */
    void cancel();
  }

  /** Starts a rollback job. */
  interface RollbackLauncher {
    /**
     * Schedules {@code jobFullName} with the given string parameters, caused by the guarded build.
     *
     * @return a short description of what was scheduled, for the log
     * @throws IOException when the job does not exist or refused to be scheduled
     */
    String launch(StepContext context, String jobFullName, Map<String, String> parameters)
        throws IOException, InterruptedException;
  }

  /** Records what a guard did, for the build page. */
  interface Reporter {
    /** Adds {@code record} to the build's guard action. */
    void report(StepContext context, GuardRecord record) throws IOException, InterruptedException;
  }
}
