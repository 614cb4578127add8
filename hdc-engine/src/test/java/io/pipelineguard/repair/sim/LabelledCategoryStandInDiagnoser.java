package io.pipelineguard.repair.sim;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import java.util.List;

/**
 * STAND-IN for the real diagnoser, for tests and development runs only: it reads the corpus's
 * category label instead of the log. Transient means "the category's kind is transient" (never the
 * corpus's transient label, which decides outcomes); confidence comes from the label's confidence
 * (high 0.9, medium 0.7, low 0.4); the signature is category plus job name.
 */
final class LabelledCategoryStandInDiagnoser implements FailureDiagnoser {
  @Override
  public Diagnosis diagnose(SimulatedFailure f) {
    Category category = Category.fromWireName(f.categoryLabel()).orElse(Category.UNKNOWN);
    double confidence =
        switch (f.confidenceLabel() == null ? "" : f.confidenceLabel()) {
          case "high" -> 0.9;
          case "medium" -> 0.7;
          case "low" -> 0.4;
          default -> 0.5;
        };
    return new Diagnosis(
        category,
        category.kind() == Category.Kind.TRANSIENT,
        confidence,
        List.of(),
        category.wireName() + ":" + f.job(),
        false,
        "stand-in: corpus category label " + category.wireName());
  }
}
