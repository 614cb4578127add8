package io.pipelineguard.bridge.store;

import java.time.Instant;

/**
 * A pipeline run as last reported by its platform. {@code id} is 0 before it is stored; {@code
 * runKey} is unique per platform (e.g. {@code octo/repo/actions/runs/42}); {@code conclusion},
 * {@code url}, {@code commitSha}, {@code branch} and {@code runNumber} may be null.
 */
public record RunRecord(
    long id,
    Platform platform,
    String runKey,
    String pipeline,
    String runNumber,
    String status,
    String conclusion,
    String url,
    String commitSha,
    String branch,
    Instant createdAt,
    Instant updatedAt) {
  /** Clips the text fields to the column widths of the {@code runs} table. */
  public RunRecord {
    runKey = RunStore.clip(runKey, 512);
    pipeline = RunStore.clip(pipeline, 512);
    runNumber = RunStore.clip(runNumber, 128);
    status = RunStore.clip(status, 64);
    conclusion = RunStore.clip(conclusion, 64);
    url = RunStore.clip(url, 2048);
    commitSha = RunStore.clip(commitSha, 64);
    branch = RunStore.clip(branch, 512);
  }
}
