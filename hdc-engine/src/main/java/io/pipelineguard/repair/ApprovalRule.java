package io.pipelineguard.repair;

import java.util.Locale;
import java.util.Objects;

/**
 * Which planned repairs wait for a person's approval instead of being carried out at once (the
 * {@code auto_repair.require_approval} option). A held repair keeps its plan and reason; a door
 * carries it out when someone approves it. Only actions that change something on the platform
 * (reruns and rollbacks) are ever held: escalations and hands-off plans need no approval.
 */
public enum ApprovalRule {
  /** Nothing waits: every planned action runs at once (the default). */
  NONE,
  /**
   * Actions on critical jobs ({@link Criticality#CRITICAL}) and every rollback (a rollback changes
   * what runs in production) wait; reruns of other jobs run at once.
   */
  CRITICAL,
  /** Every rerun and rollback waits for approval. */
  ALL;

  /**
   * Returns whether {@code action}, planned for a job in {@code context}, must wait for approval
   * under this rule. Constant cost.
   */
  public boolean requiresApproval(RepairAction action, RepairContext context) {
    Objects.requireNonNull(action, "action must not be null");
    Objects.requireNonNull(context, "context must not be null");
    RepairStrategy strategy = action.strategy();
    boolean acts = strategy.isRerun() || strategy == RepairStrategy.ROLLBACK;
    return switch (this) {
      case NONE -> false;
      case ALL -> acts;
      case CRITICAL ->
          acts
              && (strategy == RepairStrategy.ROLLBACK
                  || context.criticality() == Criticality.CRITICAL);
    };
  }

  /** Returns the lowercase name used in configuration. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a configuration value, case-insensitively.
   *
   * @throws IllegalArgumentException naming the valid values
   */
  public static ApprovalRule fromWireName(String value) {
    for (ApprovalRule rule : values()) {
      if (rule.wireName().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return rule;
      }
    }
    throw new IllegalArgumentException(
        "require_approval must be none, critical or all, was '" + value + "'");
  }
}
