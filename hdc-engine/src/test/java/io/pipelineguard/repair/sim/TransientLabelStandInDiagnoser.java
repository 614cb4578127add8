package io.pipelineguard.repair.sim;

import io.pipelineguard.diagnosis.Diagnosis;
import java.util.List;

/**
 * STAND-IN for a perfect diagnoser, for tests and development runs only: category and confidence as
 * {@link LabelledCategoryStandInDiagnoser}, but "transient" copied from the corpus's label. It
 * measures the planner's own ceiling (what a diagnoser that always knows transience would reach),
 * not the product.
 */
final class TransientLabelStandInDiagnoser implements FailureDiagnoser {
  private final LabelledCategoryStandInDiagnoser base = new LabelledCategoryStandInDiagnoser();

  @Override
  public Diagnosis diagnose(SimulatedFailure f) {
    Diagnosis d = base.diagnose(f);
    return new Diagnosis(
        d.category(),
        f.transientLabel(),
        Math.max(d.confidence(), 0.9),
        List.of(),
        d.signature(),
        false,
        "stand-in: corpus labels");
  }
}
