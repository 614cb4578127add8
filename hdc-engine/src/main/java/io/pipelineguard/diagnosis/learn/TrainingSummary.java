package io.pipelineguard.diagnosis.learn;

/**
 * What {@link HdcPrototypes#train} did.
 *
 * @param examples examples given
 * @param encoded examples that had at least one token (the others are skipped)
 * @param epochsRun error-driven epochs run
 * @param bestEpoch the epoch whose model was kept (0 = centroid)
 * @param trainingErrors misclassified training examples of the kept model
 * @param holdoutErrors misclassified held-out examples of the kept model (0 without a holdout)
 * @param holdout number of held-out examples
 */
public record TrainingSummary(
    int examples,
    int encoded,
    int epochsRun,
    int bestEpoch,
    int trainingErrors,
    int holdoutErrors,
    int holdout) {}
