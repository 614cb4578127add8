package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Diagnosis;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished Jenkins build as the engine sees it.
 *
 * @param job the job's full name
 * @param number the build number
 * @param result the build result's name ({@code SUCCESS}, {@code FAILURE}, ...)
 * @param durationMillis the build's duration in milliseconds
 * @param finishedAtMillis when the build finished, epoch milliseconds
 * @param diagnosis the failure's diagnosis; empty for a build that did not fail
 */
public record FinishedBuild(
    String job,
    int number,
    String result,
    long durationMillis,
    long finishedAtMillis,
    Optional<Diagnosis> diagnosis) {

  /** Validates the fields. */
  public FinishedBuild {
    Objects.requireNonNull(job, "job must not be null");
    Objects.requireNonNull(result, "result must not be null");
    Objects.requireNonNull(diagnosis, "diagnosis must not be null");
    if (durationMillis < 0) {
      throw new IllegalArgumentException("durationMillis must be >= 0, was " + durationMillis);
    }
  }

  /** Returns whether the build succeeded (result {@code SUCCESS}). */
  public boolean succeeded() {
    return "SUCCESS".equals(result);
  }
}
