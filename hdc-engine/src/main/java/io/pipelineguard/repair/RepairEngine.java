package io.pipelineguard.repair;

import io.pipelineguard.diagnosis.Diagnosis;
import java.util.List;

/**
 * An extension that proposes and carries out repairs of its own, for example a custom script for
 * one failure signature or a platform-specific rollback. Engines are registered in a {@link
 * RepairEngineRegistry}; the planner asks them for actions when its ladder reaches {@link
 * RepairStrategy#CUSTOM_SCRIPT}.
 *
 * <p>Engines never rerun jobs: reruns stay with the planner so that the attempt cap, cooldown and
 * flood rails hold. The planner drops any rerun action an engine proposes.
 */
public interface RepairEngine {

  /** Returns the engine's unique name, for registries, logs and explanations. */
  String name();

  /**
   * Returns whether the engine has something to offer for this failure. Must be cheap and must not
   * block: the planner calls it while holding its lock.
   */
  boolean canHandle(Diagnosis diagnosis, RepairContext context);

  /**
   * Returns the actions the engine proposes, in order, each with a reason. Called only after {@link
   * #canHandle} returned true; must be cheap and must not block.
   */
  List<RepairAction> generateRepairActions(Diagnosis diagnosis, RepairContext context);

  /**
   * Starts carrying out one of the engine's actions. Must not block: the engine moves {@code
   * attempt} to {@code RUNNING} when it starts and to a terminal state when it knows the result,
   * now or later, from any thread.
   *
   * @param action an action this engine generated
   * @param context where the failure happened
   * @param attempt the attempt's state machine, in state {@code PLANNED}
   */
  void executeRepair(RepairAction action, RepairContext context, RepairAttempt attempt);
}
