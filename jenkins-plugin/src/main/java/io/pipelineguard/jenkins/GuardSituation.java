package io.pipelineguard.jenkins;

import java.util.Objects;

/**
 * Where a guarded block stands when it fails: what the planner needs besides the diagnosis.
 *
 * @param job the job's full name
 * @param attempt the attempt that just failed, 1-based
 * @param maxAttempts the most attempts the step allows
 * @param policy the repair policy's name
 * @param rollbackAvailable whether a rollback is configured and not yet used
 */
public record GuardSituation(
    String job, int attempt, int maxAttempts, String policy, boolean rollbackAvailable) {

  /** Validates the fields. */
  public GuardSituation {
    Objects.requireNonNull(job, "job must not be null");
    Objects.requireNonNull(policy, "policy must not be null");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
  }
}
