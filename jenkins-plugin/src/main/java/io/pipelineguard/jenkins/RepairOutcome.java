package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import java.util.Objects;

/**
 * Whether one repair of a guarded block helped: a retry that passed, a retry that failed again, a
 * rollback started.
 *
 * @param job the job's full name
 * @param signature the diagnosed failure's signature
 * @param category the diagnosed category
 * @param action the repair performed
 * @param attempt the attempt the repair led to (for a retry), 1-based
 * @param succeeded whether the repair helped
 */
public record RepairOutcome(
    String job,
    String signature,
    Category category,
    GuardDecision.Action action,
    int attempt,
    boolean succeeded) {

  /** Validates the fields. */
  public RepairOutcome {
    Objects.requireNonNull(job, "job must not be null");
    Objects.requireNonNull(signature, "signature must not be null");
    Objects.requireNonNull(category, "category must not be null");
    Objects.requireNonNull(action, "action must not be null");
  }
}
