package io.pipelineguard.repair.sim;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One failed job of a labelled corpus, as the simulator replays it. The labels are there for the
 * diagnosis stand-ins of tests and for deciding outcomes; the guard's policy never sees them.
 *
 * @param id the record's identifier, unique within the corpus
 * @param pipeline the pipeline (the corpus's name)
 * @param job the job name
 * @param commit the commit, {@code unknown} when the record has none
 * @param createdAt when the job failed; null when the record does not say
 * @param logFile the failing job's log (may be gzip-compressed)
 * @param deploys whether the job deploys, releases or publishes
 * @param transientLabel the corpus's label: whether the failure is intermittent
 * @param categoryLabel the corpus's category label; null when absent
 * @param confidenceLabel the corpus's category confidence (high, medium, low); null when absent
 */
public record SimulatedFailure(
    String id,
    String pipeline,
    String job,
    String commit,
    Instant createdAt,
    Path logFile,
    boolean deploys,
    boolean transientLabel,
    String categoryLabel,
    String confidenceLabel) {

  /** Validates the required fields. */
  public SimulatedFailure {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(pipeline, "pipeline must not be null");
    Objects.requireNonNull(job, "job must not be null");
    Objects.requireNonNull(commit, "commit must not be null");
    Objects.requireNonNull(logFile, "logFile must not be null");
  }
}
