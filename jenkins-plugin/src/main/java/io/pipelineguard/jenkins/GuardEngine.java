package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import java.util.List;

/**
 * The plugin's one seam to the engine: diagnose a failure from its log lines, decide what to do
 * about it, and learn from what happened. Everything Jenkins-specific stays on the plugin's side;
 * implementations hold no Jenkins types.
 *
 * <p>Calls may do I/O and take milliseconds; the plugin never makes them on the CPS VM thread.
 * Implementations must be thread-safe: guards in parallel branches call them concurrently.
 */
public interface GuardEngine {

  /**
   * Diagnoses a failure from the log lines it produced.
   *
   * @param lines the failure's log lines, oldest first, already bounded by the caller; evidence
   *     spans refer to these lines, 1-based
   * @return the diagnosis, never null
   */
  Diagnosis diagnose(List<String> lines);

  /**
   * Proposes a repair for a diagnosed failure. The plugin then applies its own hard caps (attempts,
   * categories never retried, rollback at most once, aborts), so the proposal may be downgraded but
   * never upgraded.
   */
  GuardDecision decide(Diagnosis diagnosis, GuardSituation situation);

  /** Teaches the engine whether a repair it proposed helped. */
  void recordOutcome(RepairOutcome outcome);

  /** Feeds one finished build (any result) into health statistics and learning. */
  void recordBuild(FinishedBuild build);

  /**
   * Teaches the engine that the failure diagnosed with {@code signature} was really {@code correct}
   * (a person's correction on the management page).
   *
   * @return whether the engine could learn from it (it must still remember that failure); the
   *     default learns nothing
   */
  default boolean learnFeedback(String signature, Category correct) {
    return false;
  }

  /**
   * Checks that a guard's repair policy exists and is valid, so a misspelt name fails the step
   * before its body runs.
   *
   * @throws IllegalArgumentException saying what is wrong and which policies exist; the default
   *     accepts every name
   */
  default void checkPolicy(String name) {}
}
