package io.pipelineguard.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * Why a CI job failed, as the engine judges it from the job's log: the contract between diagnosis
 * and everything that acts on it (repair planning, the doors, the API).
 *
 * @param category the root cause's category
 * @param transientFailure whether a retry is likely to help
 * @param confidence calibrated confidence in {@code category}, from 0 to 1
 * @param evidence the line spans that explain the failure, most telling first
 * @param signature a stable fingerprint of this failure: the same failure in another run of the
 *     same job has the same signature
 * @param novel whether no failure with this signature was seen before
 * @param explanation one sentence a person reads: which rule or prototype decided, on which lines
 */
public record Diagnosis(
    Category category,
    boolean transientFailure,
    double confidence,
    List<LineSpan> evidence,
    String signature,
    boolean novel,
    String explanation) {

  /** Validates the fields and copies the evidence list. */
  public Diagnosis {
    Objects.requireNonNull(category, "category must not be null");
    Objects.requireNonNull(signature, "signature must not be null");
    Objects.requireNonNull(explanation, "explanation must not be null");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be within [0, 1], was " + confidence);
    }
    evidence = List.copyOf(evidence);
  }
}
