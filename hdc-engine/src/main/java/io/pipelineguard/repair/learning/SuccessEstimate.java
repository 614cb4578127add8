package io.pipelineguard.repair.learning;

import io.pipelineguard.repair.RepairStrategy;

/**
 * How likely a strategy is to fix a failure, with the counts behind the number.
 *
 * @param strategy the strategy estimated
 * @param probability posterior mean probability of success, from 0 to 1
 * @param patternSuccesses successes observed for this pattern (pipeline and signature)
 * @param patternTrials outcomes observed for this pattern
 * @param categorySuccesses successes observed for this category, all pipelines
 * @param categoryTrials outcomes observed for this category
 * @param priorProbability the taxonomy's cold-start probability
 * @param explanation one sentence a person reads
 */
public record SuccessEstimate(
    RepairStrategy strategy,
    double probability,
    long patternSuccesses,
    long patternTrials,
    long categorySuccesses,
    long categoryTrials,
    double priorProbability,
    String explanation) {

  /** Returns whether any outcome of this strategy was observed for the pattern. */
  public boolean hasPatternEvidence() {
    return patternTrials > 0;
  }
}
