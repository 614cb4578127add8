package io.pipelineguard.jenkins;

import hudson.Extension;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.listeners.RunListener;
import io.pipelineguard.diagnosis.Diagnosis;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * Feeds every finished build into the engine: result and duration always, a diagnosis for a
 * failure. Runs {@code onFinalized} (the log is complete) and does only cheap getters there; the
 * log scan runs on Jenkins' timer pool, at most {@link #MAX_IN_FLIGHT} at a time (further ones are
 * recorded without a diagnosis rather than queued without bound).
 */
@Extension
public final class GuardRunListener extends RunListener<Run<?, ?>> {
  private static final Logger LOGGER = Logger.getLogger(GuardRunListener.class.getName());

  /** Most log scans running or queued at once. */
  static final int MAX_IN_FLIGHT = 4;

  /** Log lines of a failed build given to the diagnoser (its tail). */
  static final int MAX_LINES = 2_000;

  private final AtomicInteger inFlight = new AtomicInteger();

  /** Created by Jenkins (extension index). */
  public GuardRunListener() {}

  @Override
  public void onFinalized(Run<?, ?> run) {
    Result result = run.getResult();
    String job = run.getParent().getFullName();
    int number = run.getNumber();
    String resultName = result == null ? "NOT_BUILT" : result.toString();
    long duration = run.getDuration();
    long finishedAt = run.getTimeInMillis() + duration;
    boolean failed =
        result != null && result.isWorseThan(Result.UNSTABLE) && result != Result.ABORTED;
    JenkinsGuardRuntime runtime = JenkinsGuardRuntime.get();
    if (!failed || inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
      if (failed) {
        inFlight.decrementAndGet();
      }
      record(runtime.engine(), job, number, resultName, duration, finishedAt, Optional.empty());
      return;
    }
    try {
      Timer.get()
          .execute(
              () -> {
                try {
                  List<String> lines = JenkinsGuardRuntime.readSince(run, 0, MAX_LINES);
                  Diagnosis d = runtime.engine().diagnose(lines);
                  record(
                      runtime.engine(),
                      job,
                      number,
                      resultName,
                      duration,
                      finishedAt,
                      Optional.of(d));
                } catch (Exception e) {
                  LOGGER.log(
                      Level.WARNING, "pipeline-guard could not diagnose " + job + " #" + number, e);
                } finally {
                  inFlight.decrementAndGet();
                }
              });
    } catch (RejectedExecutionException e) {
      inFlight.decrementAndGet();
      record(runtime.engine(), job, number, resultName, duration, finishedAt, Optional.empty());
    }
  }

  private static void record(
      GuardEngine engine,
      String job,
      int number,
      String result,
      long duration,
      long finishedAt,
      Optional<Diagnosis> diagnosis) {
    try {
      engine.recordBuild(
          new FinishedBuild(job, number, result, Math.max(0, duration), finishedAt, diagnosis));
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "pipeline-guard could not record " + job + " #" + number, e);
    }
  }
}
