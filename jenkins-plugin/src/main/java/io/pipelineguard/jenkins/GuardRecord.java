package io.pipelineguard.jenkins;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * One thing a guard did, as the build page shows it: an attempt's failure with its diagnosis and
 * the action taken, or the final success. A plain class rather than a record so that XStream
 * persists it with the build on every Jenkins version.
 */
public final class GuardRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What the guard did after the attempt. */
  public enum Outcome {
    /** The attempt passed. */
    SUCCEEDED,
    /** The attempt failed and will be run again. */
    RETRIED,
    /** The attempt failed and the rollback was started. */
    ROLLED_BACK,
    /** The attempt failed and the step failed. */
    FAILED,
    /** The attempt was aborted by a person or a timeout; never retried. */
    ABORTED,
    /** Dry run: the guard only said what it would do, then failed. */
    DRY_RUN
  }

  private final int attempt;
  private final Outcome outcome;
  private final String category;
  private final boolean transientFailure;
  private final double confidence;
  private final String explanation;
  private final String detail;
  private final List<String> evidence;
  private final long atMillis;

  /**
   * Creates a record.
   *
   * @param attempt the attempt, 1-based
   * @param outcome what the guard did
   * @param category the diagnosed category's wire name, or empty when not diagnosed
   * @param transientFailure whether the failure was judged transient
   * @param confidence the diagnosis' confidence
   * @param explanation the diagnosis' explanation, or empty
   * @param detail the decision's reason or what was scheduled
   * @param evidence the evidence lines, at most a few, each shortened
   * @param atMillis when, epoch milliseconds
   */
  public GuardRecord(
      int attempt,
      Outcome outcome,
      String category,
      boolean transientFailure,
      double confidence,
      String explanation,
      String detail,
      List<String> evidence,
      long atMillis) {
    this.attempt = attempt;
    this.outcome = Objects.requireNonNull(outcome, "outcome must not be null");
    this.category = Objects.requireNonNull(category, "category must not be null");
    this.transientFailure = transientFailure;
    this.confidence = confidence;
    this.explanation = Objects.requireNonNull(explanation, "explanation must not be null");
    this.detail = Objects.requireNonNull(detail, "detail must not be null");
    this.evidence = List.copyOf(evidence);
    this.atMillis = atMillis;
  }

  public int getAttempt() {
    return attempt;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getCategory() {
    return category;
  }

  public boolean isTransientFailure() {
    return transientFailure;
  }

  public double getConfidence() {
    return confidence;
  }

  public String getExplanation() {
    return explanation;
  }

  public String getDetail() {
    return detail;
  }

  public List<String> getEvidence() {
    return evidence;
  }

  public long getAtMillis() {
    return atMillis;
  }

  @Override
  public String toString() {
    return "attempt " + attempt + " " + outcome + " " + category + ": " + detail;
  }
}
