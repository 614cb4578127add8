package io.pipelineguard.repair;

import java.util.List;
import java.util.Objects;

/**
 * Where a failure happened and what surrounds it: the planner's second input, next to the
 * diagnosis. Build one with {@link #builder()}.
 *
 * @param platform the CI platform, for example {@code jenkins}, {@code gitlab}, {@code github}
 * @param pipeline the pipeline (Jenkins job, GitLab project pipeline, GitHub workflow) name
 * @param job the job (stage, GitLab job, GitHub job) name
 * @param commit the commit the job built
 * @param attempt which run of this job on this commit failed: 1 for the first run
 * @param history earlier repairs of this job on this commit, oldest first
 * @param deploys whether the job deploys, releases or publishes (a rollback candidate)
 * @param criticality how much the job matters
 * @param rollbackTarget the rollback job, workflow or pipeline to trigger; empty when none is
 *     configured
 */
public record RepairContext(
    String platform,
    String pipeline,
    String job,
    String commit,
    int attempt,
    List<PastAttempt> history,
    boolean deploys,
    Criticality criticality,
    String rollbackTarget) {

  /** The longest accepted platform, pipeline, job, commit or target name, in characters. */
  public static final int MAX_NAME_CHARS = 1024;

  /** The highest accepted attempt number. */
  public static final int MAX_ATTEMPT = 10_000;

  /** Validates and copies the fields. */
  public RepairContext {
    checkName("platform", platform, false);
    checkName("pipeline", pipeline, false);
    checkName("job", job, false);
    checkName("commit", commit, false);
    checkName("rollbackTarget", rollbackTarget, true);
    Objects.requireNonNull(criticality, "criticality must not be null");
    if (attempt < 1 || attempt > MAX_ATTEMPT) {
      throw new IllegalArgumentException(
          "attempt must be between 1 and " + MAX_ATTEMPT + ", was " + attempt);
    }
    history = List.copyOf(history);
  }

  private static void checkName(String field, String value, boolean mayBeEmpty) {
    Objects.requireNonNull(value, field + " must not be null");
    if (!mayBeEmpty && value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    if (value.length() > MAX_NAME_CHARS) {
      throw new IllegalArgumentException(
          field + " must be at most " + MAX_NAME_CHARS + " characters, was " + value.length());
    }
  }

  /** Returns whether a rollback target is configured. */
  public boolean hasRollbackTarget() {
    return !rollbackTarget.isEmpty();
  }

  /** Returns the key identifying this job on this commit: {@code pipeline / job @ commit}. */
  public String jobCommitKey() {
    return pipeline + " / " + job + " @ " + commit;
  }

  /** Returns the key identifying this job on any commit: {@code pipeline / job}. */
  public String jobKey() {
    return pipeline + " / " + job;
  }

  /** Returns a builder with defaults: platform {@code unknown}, attempt 1, normal criticality. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this context's values. */
  public Builder toBuilder() {
    return new Builder()
        .platform(platform)
        .pipeline(pipeline)
        .job(job)
        .commit(commit)
        .attempt(attempt)
        .history(history)
        .deploys(deploys)
        .criticality(criticality)
        .rollbackTarget(rollbackTarget);
  }

  /** Fluent builder for {@link RepairContext}; validation happens in {@link #build()}. */
  public static final class Builder {
    private String platform = "unknown";
    private String pipeline;
    private String job;
    private String commit = "unknown";
    private int attempt = 1;
    private List<PastAttempt> history = List.of();
    private boolean deploys;
    private Criticality criticality = Criticality.NORMAL;
    private String rollbackTarget = "";

    private Builder() {}

    /** Sets the CI platform name. */
    public Builder platform(String value) {
      this.platform = value;
      return this;
    }

    /** Sets the pipeline name (required). */
    public Builder pipeline(String value) {
      this.pipeline = value;
      return this;
    }

    /** Sets the job name (required). */
    public Builder job(String value) {
      this.job = value;
      return this;
    }

    /** Sets the commit. */
    public Builder commit(String value) {
      this.commit = value;
      return this;
    }

    /** Sets which run of the job on this commit failed, 1 for the first. */
    public Builder attempt(int value) {
      this.attempt = value;
      return this;
    }

    /** Sets the earlier repairs of this job on this commit. */
    public Builder history(List<PastAttempt> value) {
      this.history = value;
      return this;
    }

    /** Sets whether the job deploys. */
    public Builder deploys(boolean value) {
      this.deploys = value;
      return this;
    }

    /** Sets how much the job matters. */
    public Builder criticality(Criticality value) {
      this.criticality = value;
      return this;
    }

    /** Sets the rollback job, workflow or pipeline; empty for none. */
    public Builder rollbackTarget(String value) {
      this.rollbackTarget = value;
      return this;
    }

    /** Validates and builds the context. */
    public RepairContext build() {
      return new RepairContext(
          platform, pipeline, job, commit, attempt, history, deploys, criticality, rollbackTarget);
    }
  }
}
