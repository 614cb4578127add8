package io.pipelineguard.repair;

import io.pipelineguard.diagnosis.Diagnosis;
import java.util.List;
import java.util.Objects;

/**
 * What the guard decided about one failure: the ordered actions and the sentence a person reads.
 *
 * @param diagnosis the diagnosis the plan rests on
 * @param actions ordered actions; never empty ({@link RepairStrategy#NONE} when hands-off)
 * @param explanation one sentence summarising the decision and why
 */
public record RepairPlan(Diagnosis diagnosis, List<RepairAction> actions, String explanation) {

  /** Validates and copies the fields. */
  public RepairPlan {
    Objects.requireNonNull(diagnosis, "diagnosis must not be null");
    Objects.requireNonNull(explanation, "explanation must not be null");
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("actions must not be empty; use NONE for hands-off");
    }
  }

  /** Returns the first action, the one the door carries out first. */
  public RepairAction primary() {
    return actions.get(0);
  }

  /** Returns whether the plan runs the failed job again. */
  public boolean reruns() {
    return actions.stream().anyMatch(a -> a.strategy().isRerun());
  }

  /** Returns whether the plan contains an action with {@code strategy}. */
  public boolean contains(RepairStrategy strategy) {
    return actions.stream().anyMatch(a -> a.strategy() == strategy);
  }
}
