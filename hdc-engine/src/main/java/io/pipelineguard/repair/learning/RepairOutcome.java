package io.pipelineguard.repair.learning;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.repair.RepairStrategy;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened after a repair: the evidence learning feeds on. A door reports one for every rerun
 * or rollback it carried out, and may report manual reruns too (that is how learning sees
 * deterministic categories that a person's rerun fixed).
 *
 * @param pipeline the pipeline the repaired job belongs to
 * @param signature the failure's signature, from its diagnosis
 * @param category the failure's category, from its diagnosis
 * @param strategy what was done
 * @param succeeded whether the job (or the rollback) passed afterwards
 * @param at when the outcome was known
 */
public record RepairOutcome(
    String pipeline,
    String signature,
    Category category,
    RepairStrategy strategy,
    boolean succeeded,
    Instant at) {
  /** Validates the fields. */
  public RepairOutcome {
    Objects.requireNonNull(pipeline, "pipeline must not be null");
    Objects.requireNonNull(signature, "signature must not be null");
    Objects.requireNonNull(category, "category must not be null");
    Objects.requireNonNull(strategy, "strategy must not be null");
    Objects.requireNonNull(at, "at must not be null");
  }
}
