package io.pipelineguard.repair.sim;

import io.pipelineguard.diagnosis.Diagnosis;

/**
 * Diagnoses a replayed failure from its log. The product plugs its real diagnoser in here; a
 * diagnoser must not read the failure's labels, or the simulation measures nothing.
 */
@FunctionalInterface
public interface FailureDiagnoser {
  /**
   * Returns the diagnosis of {@code failure}.
   *
   * @throws java.io.UncheckedIOException if the log cannot be read
   */
  Diagnosis diagnose(SimulatedFailure failure);
}
