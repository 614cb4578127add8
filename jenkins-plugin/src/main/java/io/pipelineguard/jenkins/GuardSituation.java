package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where a guarded block stands when it fails: what the planner needs besides the diagnosis.
 *
 * @param job the job's full name
 * @param chain identifies this guard block's run (one build, one block): its attempts form one
 *     failure chain for the planner
 * @param attempt the attempt that just failed, 1-based
 * @param maxAttempts the most attempts the step allows
 * @param policy the repair policy's name
 * @param rollbackAvailable whether a rollback is configured and not yet used
 * @param neverRetry categories the block must never retry (the planner then skips to rollback or
 *     failure)
 */
public record GuardSituation(
    String job,
    String chain,
    int attempt,
    int maxAttempts,
    String policy,
    boolean rollbackAvailable,
    Set<Category> neverRetry) {

  /** Validates the fields and copies the set. */
  public GuardSituation {
    Objects.requireNonNull(job, "job must not be null");
    Objects.requireNonNull(chain, "chain must not be null");
    Objects.requireNonNull(policy, "policy must not be null");
    Objects.requireNonNull(neverRetry, "neverRetry must not be null");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    neverRetry =
        neverRetry.isEmpty()
            ? Set.of()
            : java.util.Collections.unmodifiableSet(EnumSet.copyOf(neverRetry));
  }
}
