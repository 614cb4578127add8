package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.LearnedPrototypes;
import io.pipelineguard.diagnosis.learn.HdcPrototypes;

/** Creates the learned-prototype memory used by {@code --learn-from}. */
final class PrototypeFactory {
  /** Weight of the prototype vote relative to rule weights. */
  static final double WEIGHT = 20.0;

  private PrototypeFactory() {}

  static LearnedPrototypes create() {
    return HdcPrototypes.create();
  }
}
