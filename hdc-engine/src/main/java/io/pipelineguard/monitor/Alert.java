package io.pipelineguard.monitor;

import java.util.Objects;

/**
 * A condition that holds for a pipeline right now and deserves a person's attention.
 *
 * @param pipelineId the pipeline
 * @param kind why
 * @param severity how urgent
 * @param message one line a person reads, with the numbers
 * @param value the measured value (z-score, failure rate, health score or failure count)
 * @param threshold the threshold it crossed
 */
public record Alert(
    String pipelineId,
    AlertKind kind,
    AlertSeverity severity,
    String message,
    double value,
    double threshold) {
  /** Validates the fields. */
  public Alert {
    Objects.requireNonNull(pipelineId, "pipelineId must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(severity, "severity must not be null");
    Objects.requireNonNull(message, "message must not be null");
  }
}
