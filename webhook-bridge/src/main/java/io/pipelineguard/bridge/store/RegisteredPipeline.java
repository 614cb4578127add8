package io.pipelineguard.bridge.store;

import io.pipelineguard.monitor.PipelineExpectations;
import java.time.Instant;
import java.util.Objects;

/**
 * A pipeline its owner registered, with what they expect of it.
 *
 * @param id {@code platform:pipeline}
 * @param name display name
 * @param expectedDurationSeconds expected duration; null to use the pipeline's own median
 * @param expectedSuccessRate expected success rate, 0 to 1
 * @param alertEmail where alerts go; null for nowhere
 * @param critical whether its alerts are critical (and its repairs high-criticality)
 * @param rollbackTarget what the repair loop triggers to roll it back (GitHub workflow file, GitLab
 *     ref, Azure DevOps definition id, Jenkins job path); null for no rollback
 * @param deploys whether the pipeline deploys (a failed deployment may be rolled back)
 * @param createdAt first registration (null before it is stored)
 * @param updatedAt last change (null before it is stored)
 */
public record RegisteredPipeline(
    String id,
    String name,
    Double expectedDurationSeconds,
    double expectedSuccessRate,
    String alertEmail,
    boolean critical,
    String rollbackTarget,
    boolean deploys,
    Instant createdAt,
    Instant updatedAt) {
  /** Checks the id and name are present. */
  public RegisteredPipeline {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(name, "name must not be null");
  }

  /** Returns the engine's view of what is expected (validated by the engine's builder). */
  public PipelineExpectations expectations() {
    return PipelineExpectations.builder()
        .expectedDurationSeconds(expectedDurationSeconds)
        .expectedSuccessRate(expectedSuccessRate)
        .critical(critical)
        .build();
  }
}
