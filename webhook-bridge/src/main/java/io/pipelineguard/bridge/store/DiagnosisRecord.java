package io.pipelineguard.bridge.store;

import io.pipelineguard.diagnosis.EvidenceLine;
import java.time.Instant;
import java.util.List;

/**
 * A stored diagnosis of a failed job, as the API lists it.
 *
 * @param id the row id
 * @param jobId the {@code jobs} row
 * @param pipelineId {@code platform:pipeline}
 * @param job the job name
 * @param category the category's wire name, as stored
 * @param transientFailure whether it was judged worth a retry
 * @param confidence calibrated confidence in [0, 1]
 * @param signature the stable failure signature
 * @param novel whether the signature was new
 * @param explanation the sentence explaining the decision
 * @param evidence the evidence lines as stored (number and text)
 * @param createdAt when it was diagnosed
 */
public record DiagnosisRecord(
    long id,
    long jobId,
    String pipelineId,
    String job,
    String category,
    boolean transientFailure,
    double confidence,
    String signature,
    boolean novel,
    String explanation,
    List<EvidenceLine> evidence,
    Instant createdAt) {
  /** Copies the evidence list. */
  public DiagnosisRecord {
    evidence = List.copyOf(evidence);
  }
}
