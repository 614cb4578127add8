package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.LearnedPrototypes;

/** Creates the learned-prototype memory used by {@code --learn-from}. */
final class PrototypeFactory {
  /** Weight of the prototype vote relative to rule weights. */
  static final double WEIGHT = 4.0;

  private PrototypeFactory() {}

  static LearnedPrototypes create() {
    throw new UnsupportedOperationException("learned prototypes need the HDC core (not merged)");
  }
}
