package io.pipelineguard.diagnosis.learn;

/**
 * How {@link HdcPrototypes#train} retrains after the centroid pass.
 *
 * @param maxEpochs most error-driven epochs (0 = centroid only; at most 200)
 * @param learningRate update size relative to one centroid contribution, in (0, 4]
 * @param holdoutShare share of examples held out to stop early, in [0, 0.5]; with fewer than 20
 *     examples nothing is held out and training error decides
 * @param patience epochs without improvement before stopping (at least 1)
 * @param seed seed of the example order and holdout choice
 */
public record TrainingOptions(
    int maxEpochs, double learningRate, double holdoutShare, int patience, long seed) {
  /** Defaults: 20 epochs, rate 0.5, 10% holdout, patience 3, seed 1. */
  public static final TrainingOptions DEFAULT = new TrainingOptions(20, 0.5, 0.1, 3, 1L);

  /** Validates the ranges. */
  public TrainingOptions {
    if (maxEpochs < 0 || maxEpochs > 200) {
      throw new IllegalArgumentException("maxEpochs must be within [0, 200]");
    }
    if (!(learningRate > 0 && learningRate <= 4)) {
      throw new IllegalArgumentException("learningRate must be within (0, 4]");
    }
    if (!(holdoutShare >= 0 && holdoutShare <= 0.5)) {
      throw new IllegalArgumentException("holdoutShare must be within [0, 0.5]");
    }
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be at least 1");
    }
  }

  /** Returns a copy with another epoch count. */
  public TrainingOptions withMaxEpochs(int epochs) {
    return new TrainingOptions(epochs, learningRate, holdoutShare, patience, seed);
  }

  /** Returns a copy with another learning rate. */
  public TrainingOptions withLearningRate(double rate) {
    return new TrainingOptions(maxEpochs, rate, holdoutShare, patience, seed);
  }
}
