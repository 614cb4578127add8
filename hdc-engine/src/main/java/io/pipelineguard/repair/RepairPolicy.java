package io.pipelineguard.repair;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The safety rails and preferences of automatic repair: an immutable value, built like
 * resilience4j's {@code RetryConfig} through {@link #custom()}, {@link #ofDefaults()} or {@link
 * #from(RepairPolicy)}. Every setter validates on the spot; {@link Builder#build()} checks the
 * combinations. Defaults follow the seed's {@code auto_repair} section: at most 3 runs of a job per
 * commit, a 10 minute cooldown, escalation on.
 */
public final class RepairPolicy {
  /** Default maximum runs of one job per failure chain on one commit, the first run included. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** Hard upper bound for {@code maxAttempts}; GitLab stops at 3 runs, GitHub at 50 re-runs. */
  public static final int MAX_MAX_ATTEMPTS = 10;

  /** Default hands-off period after an escalation or a rollback. */
  public static final Duration DEFAULT_COOLDOWN = Duration.ofMinutes(10);

  /** Default window in which a pipeline is rolled back at most once. */
  public static final Duration DEFAULT_ROLLBACK_WINDOW = Duration.ofHours(1);

  /** Default confidence below which a diagnosis is treated as unknown. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.5;

  /**
   * Default confidence from which a diagnosis that calls a failure of a deterministic category
   * transient is read as transient (its log showed a transient cause, such as a killed linker).
   */
  public static final double DEFAULT_TRANSIENT_EVIDENCE_MIN_CONFIDENCE = 0.8;

  /** Default success rate of recent probes of uncertain failures below which no more are probed. */
  public static final double DEFAULT_MIN_PROBE_SUCCESS = 0.3;

  /** Default estimated success probability below which a rerun rung is skipped. */
  public static final double DEFAULT_MIN_SUCCESS_PROBABILITY = 0.5;

  /** Default number of observed outcomes of a pattern before learning may retry a deterministic. */
  public static final int DEFAULT_LEARNED_OVERRIDE_MIN_OUTCOMES = 3;

  /** Default maximum repair chains per pipeline and failure signature within one cooldown. */
  public static final int DEFAULT_FLOOD_LIMIT = 5;

  /** Default half-life of learned outcomes: older outcomes weigh less as CI environments drift. */
  public static final Duration DEFAULT_LEARNING_HALF_LIFE = Duration.ofDays(30);

  /** Default pipeline-name prefix of the guard's own pipelines, which it never acts on. */
  public static final String DEFAULT_SELF_PIPELINE_PREFIX = "pipeline-guard";

  /**
   * Default rungs of the progressive ladder: retry, clean retry, rollback; people (escalation)
   * follow when {@code escalation} is on.
   */
  public static final List<RepairStrategy> DEFAULT_LADDER =
      List.of(
          RepairStrategy.RETRY_WITH_BACKOFF, RepairStrategy.CLEAN_RETRY, RepairStrategy.ROLLBACK);

  /** Default backoff: 30 s, doubling, at most 10 min. */
  public static final Backoff DEFAULT_BACKOFF =
      Backoff.exponential(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(10));

  private static final RepairPolicy DEFAULTS = custom().build();

  private final int maxAttempts;
  private final Backoff backoff;
  private final Duration cooldown;
  private final boolean escalation;
  private final List<RepairStrategy> ladder;
  private final Duration rollbackWindow;
  private final boolean retryUnknownOnce;
  private final double minConfidence;
  private final double transientEvidenceMinConfidence;
  private final double minProbeSuccess;
  private final double minSuccessProbability;
  private final boolean learnedRetryOfDeterministic;
  private final int learnedOverrideMinOutcomes;
  private final int floodLimit;
  private final Duration learningHalfLife;
  private final Set<String> selfPipelines;
  private final Set<String> selfPipelinePrefixes;
  private final ApprovalRule approval;

  private RepairPolicy(Builder b) {
    this.approval = b.approval;
    this.maxAttempts = b.maxAttempts;
    this.backoff = b.backoff;
    this.cooldown = b.cooldown;
    this.escalation = b.escalation;
    List<RepairStrategy> rungs = new ArrayList<>(b.ladder);
    if (b.escalation) {
      rungs.add(RepairStrategy.ESCALATE);
    }
    this.ladder = List.copyOf(rungs);
    this.rollbackWindow = b.rollbackWindow;
    this.retryUnknownOnce = b.retryUnknownOnce;
    this.minConfidence = b.minConfidence;
    this.transientEvidenceMinConfidence = b.transientEvidenceMinConfidence;
    this.minProbeSuccess = b.minProbeSuccess;
    this.minSuccessProbability = b.minSuccessProbability;
    this.learnedRetryOfDeterministic = b.learnedRetryOfDeterministic;
    this.learnedOverrideMinOutcomes = b.learnedOverrideMinOutcomes;
    this.floodLimit = b.floodLimit;
    this.learningHalfLife = b.learningHalfLife;
    this.selfPipelines = Collections.unmodifiableSet(new LinkedHashSet<>(b.selfPipelines));
    this.selfPipelinePrefixes =
        Collections.unmodifiableSet(new LinkedHashSet<>(b.selfPipelinePrefixes));
  }

  /** Returns the default policy. */
  public static RepairPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** Returns a builder starting from every value of {@code base}. */
  public static Builder from(RepairPolicy base) {
    return new Builder(Objects.requireNonNull(base, "base must not be null"));
  }

  /** Maximum runs of one job in one failure chain on one commit, the first run included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Delay before the n-th rerun for {@code RETRY_WITH_BACKOFF} and {@code CLEAN_RETRY}. */
  public Backoff backoff() {
    return backoff;
  }

  /** Hands-off period for a job after the guard escalated it or rolled it back. */
  public Duration cooldown() {
    return cooldown;
  }

  /** Whether failures the guard cannot or may not repair are handed to people. */
  public boolean escalation() {
    return escalation;
  }

  /** The progressive escalation ladder, in order; ends with {@code ESCALATE} when it is on. */
  public List<RepairStrategy> ladder() {
    return ladder;
  }

  /** Window in which one pipeline is rolled back at most once. */
  public Duration rollbackWindow() {
    return rollbackWindow;
  }

  /** Whether unknown or uncertain failures get one retry, on the first attempt only. */
  public boolean retryUnknownOnce() {
    return retryUnknownOnce;
  }

  /** Confidence below which a diagnosis is treated as unknown. */
  public double minConfidence() {
    return minConfidence;
  }

  /**
   * Confidence from which a diagnosis whose {@code transientFailure} flag contradicts a
   * deterministic category (the log showed a transient cause) is read as transient and climbs the
   * ladder; below it, such a diagnosis is uncertain and gets the one-retry probe at most.
   */
  public double transientEvidenceMinConfidence() {
    return transientEvidenceMinConfidence;
  }

  /**
   * Learned success rate of probes (the one retry of unknown or uncertain failures, in every
   * pipeline, decayed by the learning half-life) below which, after at least 5 probes, no more are
   * given until the rate recovers; 0 never stops them.
   */
  public double minProbeSuccess() {
    return minProbeSuccess;
  }

  /** Estimated success probability below which a rerun rung is skipped. */
  public double minSuccessProbability() {
    return minSuccessProbability;
  }

  /** Whether learned outcomes may allow retrying a deterministic category. */
  public boolean learnedRetryOfDeterministic() {
    return learnedRetryOfDeterministic;
  }

  /** Observed outcomes of a pattern needed before learning may retry a deterministic one. */
  public int learnedOverrideMinOutcomes() {
    return learnedOverrideMinOutcomes;
  }

  /** Maximum repair chains per pipeline and signature within one cooldown period. */
  public int floodLimit() {
    return floodLimit;
  }

  /** Half-life of learned outcomes. */
  public Duration learningHalfLife() {
    return learningHalfLife;
  }

  /** Exact names of the guard's own pipelines. */
  public Set<String> selfPipelines() {
    return selfPipelines;
  }

  /** Name prefixes of the guard's own pipelines. */
  public Set<String> selfPipelinePrefixes() {
    return selfPipelinePrefixes;
  }

  /** Returns whether {@code pipeline} is one of the guard's own, which it never acts on. */
  public boolean isSelfPipeline(String pipeline) {
    if (selfPipelines.contains(pipeline)) {
      return true;
    }
    String lower = pipeline.toLowerCase(Locale.ROOT);
    for (String prefix : selfPipelinePrefixes) {
      if (lower.startsWith(prefix.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** Which planned reruns and rollbacks wait for a person's approval (default none). */
  public ApprovalRule approval() {
    return approval;
  }

  /** Returns whether {@code action}, planned in {@code context}, must wait for approval. */
  public boolean requiresApproval(RepairAction action, RepairContext context) {
    return approval.requiresApproval(action, context);
  }

  /** Returns whether the ladder contains {@code strategy}. */
  public boolean ladderContains(RepairStrategy strategy) {
    return ladder.contains(strategy);
  }

  @Override
  public String toString() {
    return "RepairPolicy{maxAttempts="
        + maxAttempts
        + ", cooldown="
        + cooldown
        + ", escalation="
        + escalation
        + ", ladder="
        + ladder
        + ", rollbackWindow="
        + rollbackWindow
        + ", retryUnknownOnce="
        + retryUnknownOnce
        + ", minConfidence="
        + minConfidence
        + ", transientEvidenceMinConfidence="
        + transientEvidenceMinConfidence
        + ", minProbeSuccess="
        + minProbeSuccess
        + ", minSuccessProbability="
        + minSuccessProbability
        + ", learnedRetryOfDeterministic="
        + learnedRetryOfDeterministic
        + ", learnedOverrideMinOutcomes="
        + learnedOverrideMinOutcomes
        + ", floodLimit="
        + floodLimit
        + ", learningHalfLife="
        + learningHalfLife
        + ", selfPipelines="
        + selfPipelines
        + ", selfPipelinePrefixes="
        + selfPipelinePrefixes
        + ", approval="
        + approval.wireName()
        + "}";
  }

  /** Fluent builder; each setter validates its argument, {@link #build()} the combinations. */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Backoff backoff = DEFAULT_BACKOFF;
    private Duration cooldown = DEFAULT_COOLDOWN;
    private boolean escalation = true;
    private List<RepairStrategy> ladder = DEFAULT_LADDER;
    private Duration rollbackWindow = DEFAULT_ROLLBACK_WINDOW;
    private boolean retryUnknownOnce = true;
    private double minConfidence = DEFAULT_MIN_CONFIDENCE;
    private double transientEvidenceMinConfidence = DEFAULT_TRANSIENT_EVIDENCE_MIN_CONFIDENCE;
    private double minProbeSuccess = DEFAULT_MIN_PROBE_SUCCESS;
    private double minSuccessProbability = DEFAULT_MIN_SUCCESS_PROBABILITY;
    private boolean learnedRetryOfDeterministic = true;
    private int learnedOverrideMinOutcomes = DEFAULT_LEARNED_OVERRIDE_MIN_OUTCOMES;
    private int floodLimit = DEFAULT_FLOOD_LIMIT;
    private Duration learningHalfLife = DEFAULT_LEARNING_HALF_LIFE;
    private Set<String> selfPipelines = Set.of();
    private Set<String> selfPipelinePrefixes = Set.of(DEFAULT_SELF_PIPELINE_PREFIX);
    private ApprovalRule approval = ApprovalRule.NONE;

    private Builder() {}

    private Builder(RepairPolicy base) {
      this.maxAttempts = base.maxAttempts;
      this.backoff = base.backoff;
      this.cooldown = base.cooldown;
      this.escalation = base.escalation;
      this.ladder = base.ladder.stream().filter(s -> s != RepairStrategy.ESCALATE).toList();
      this.rollbackWindow = base.rollbackWindow;
      this.retryUnknownOnce = base.retryUnknownOnce;
      this.minConfidence = base.minConfidence;
      this.transientEvidenceMinConfidence = base.transientEvidenceMinConfidence;
      this.minProbeSuccess = base.minProbeSuccess;
      this.minSuccessProbability = base.minSuccessProbability;
      this.learnedRetryOfDeterministic = base.learnedRetryOfDeterministic;
      this.learnedOverrideMinOutcomes = base.learnedOverrideMinOutcomes;
      this.floodLimit = base.floodLimit;
      this.learningHalfLife = base.learningHalfLife;
      this.selfPipelines = base.selfPipelines;
      this.selfPipelinePrefixes = base.selfPipelinePrefixes;
      this.approval = base.approval;
    }

    /** Sets which reruns and rollbacks wait for a person's approval (default {@code NONE}). */
    public Builder approval(ApprovalRule value) {
      this.approval = Objects.requireNonNull(value, "approval must not be null");
      return this;
    }

    /**
     * Sets the maximum runs of one job in one failure chain on one commit, the first run included:
     * 1 means never rerun, 3 (the default) allows two reruns.
     *
     * @param value from 1 to {@value RepairPolicy#MAX_MAX_ATTEMPTS}
     */
    public Builder maxAttempts(int value) {
      if (value < 1 || value > MAX_MAX_ATTEMPTS) {
        throw new IllegalArgumentException(
            "maxAttempts must be between 1 and " + MAX_MAX_ATTEMPTS + ", was " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    /** Sets the backoff used by {@code RETRY_WITH_BACKOFF} and {@code CLEAN_RETRY}. */
    public Builder backoff(Backoff value) {
      this.backoff = Objects.requireNonNull(value, "backoff must not be null");
      return this;
    }

    /**
     * Sets the hands-off period after an escalation or rollback, and the window of the flood limit.
     *
     * @param value from 0 to 7 days
     */
    public Builder cooldown(Duration value) {
      this.cooldown = checkDuration("cooldown", value, Duration.ZERO, Duration.ofDays(7));
      return this;
    }

    /** Sets whether failures the guard will not repair are handed to people. */
    public Builder escalation(boolean value) {
      this.escalation = value;
      return this;
    }

    /**
     * Sets the rungs of the progressive escalation ladder: rerun strategies first, then optionally
     * {@code ROLLBACK} or {@code CUSTOM_SCRIPT}. {@code ESCALATE} is not listed: it ends every
     * ladder while {@link #escalation(boolean)} is on. {@code NONE} is not allowed.
     */
    public Builder ladder(List<RepairStrategy> value) {
      Objects.requireNonNull(value, "ladder must not be null");
      if (value.isEmpty()) {
        throw new IllegalArgumentException("ladder must not be empty");
      }
      if (value.contains(RepairStrategy.NONE)) {
        throw new IllegalArgumentException("ladder must not contain NONE");
      }
      if (value.contains(RepairStrategy.ESCALATE)) {
        throw new IllegalArgumentException(
            "ladder must not contain ESCALATE; it ends every ladder while escalation(true) is set");
      }
      if (new LinkedHashSet<>(value).size() != value.size()) {
        throw new IllegalArgumentException("ladder must not repeat a strategy, was " + value);
      }
      this.ladder = new ArrayList<>(value);
      return this;
    }

    /**
     * Sets the window in which one pipeline is rolled back at most once.
     *
     * @param value from 1 minute to 7 days
     */
    public Builder rollbackWindow(Duration value) {
      this.rollbackWindow =
          checkDuration("rollbackWindow", value, Duration.ofMinutes(1), Duration.ofDays(7));
      return this;
    }

    /** Sets whether unknown or uncertain failures get one retry, on the first attempt only. */
    public Builder retryUnknownOnce(boolean value) {
      this.retryUnknownOnce = value;
      return this;
    }

    /**
     * Sets the confidence below which a diagnosis is treated as unknown.
     *
     * @param value from 0 to 1
     */
    public Builder minConfidence(double value) {
      this.minConfidence = checkProbability("minConfidence", value);
      return this;
    }

    /**
     * Sets the confidence from which a diagnosis that calls a failure of a deterministic category
     * transient is read as transient (full ladder) rather than uncertain (one probe at most). Set
     * it to 1 to keep every such contradiction uncertain unless the diagnosis is certain.
     *
     * @param value from 0 to 1
     */
    public Builder transientEvidenceMinConfidence(double value) {
      this.transientEvidenceMinConfidence =
          checkProbability("transientEvidenceMinConfidence", value);
      return this;
    }

    /**
     * Sets the learned success rate of probes of uncertain failures below which (after at least 5
     * probes) no more are given until the rate recovers; 0 never stops them.
     *
     * @param value from 0 to 1
     */
    public Builder minProbeSuccess(double value) {
      this.minProbeSuccess = checkProbability("minProbeSuccess", value);
      return this;
    }

    /**
     * Sets the estimated success probability below which a rerun rung is skipped.
     *
     * @param value from 0 to 1
     */
    public Builder minSuccessProbability(double value) {
      this.minSuccessProbability = checkProbability("minSuccessProbability", value);
      return this;
    }

    /** Sets whether learned outcomes may allow retrying a deterministic category. */
    public Builder learnedRetryOfDeterministic(boolean value) {
      this.learnedRetryOfDeterministic = value;
      return this;
    }

    /**
     * Sets how many observed outcomes of one pattern learning needs before it may retry a
     * deterministic failure.
     *
     * @param value from 1 to 1000
     */
    public Builder learnedOverrideMinOutcomes(int value) {
      if (value < 1 || value > 1000) {
        throw new IllegalArgumentException(
            "learnedOverrideMinOutcomes must be between 1 and 1000, was " + value);
      }
      this.learnedOverrideMinOutcomes = value;
      return this;
    }

    /**
     * Sets the maximum repair chains started per pipeline and failure signature within one cooldown
     * period; past it the guard escalates instead of piling retries on an outage.
     *
     * @param value from 1 to 10000
     */
    public Builder floodLimit(int value) {
      if (value < 1 || value > 10_000) {
        throw new IllegalArgumentException("floodLimit must be between 1 and 10000, was " + value);
      }
      this.floodLimit = value;
      return this;
    }

    /**
     * Sets the half-life of learned outcomes.
     *
     * @param value from 1 hour to 3650 days
     */
    public Builder learningHalfLife(Duration value) {
      this.learningHalfLife =
          checkDuration("learningHalfLife", value, Duration.ofHours(1), Duration.ofDays(3650));
      return this;
    }

    /** Sets the exact names of the guard's own pipelines. */
    public Builder selfPipelines(Set<String> value) {
      this.selfPipelines = checkNames("selfPipelines", value);
      return this;
    }

    /** Sets the name prefixes (case-insensitive) of the guard's own pipelines. */
    public Builder selfPipelinePrefixes(Set<String> value) {
      this.selfPipelinePrefixes = checkNames("selfPipelinePrefixes", value);
      return this;
    }

    /**
     * Checks the combinations and builds the policy.
     *
     * @throws IllegalStateException if the ladder's order is wrong or the policy could never act
     */
    public RepairPolicy build() {
      boolean seenNonRerun = false;
      for (RepairStrategy rung : ladder) {
        if (rung.isRerun() && seenNonRerun) {
          throw new IllegalStateException(
              "ladder must list rerun strategies before ROLLBACK and CUSTOM_SCRIPT, was " + ladder);
        }
        seenNonRerun |= !rung.isRerun();
      }
      return new RepairPolicy(this);
    }

    private static Duration checkDuration(String name, Duration value, Duration min, Duration max) {
      Objects.requireNonNull(value, name + " must not be null");
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            name + " must be between " + min + " and " + max + ", was " + value);
      }
      return value;
    }

    private static double checkProbability(String name, double value) {
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new IllegalArgumentException(name + " must be within [0, 1], was " + value);
      }
      return value;
    }

    private static Set<String> checkNames(String name, Set<String> value) {
      Objects.requireNonNull(value, name + " must not be null");
      for (String s : value) {
        if (s == null || s.isBlank()) {
          throw new IllegalArgumentException(name + " must not contain null or blank names");
        }
      }
      return new LinkedHashSet<>(value);
    }
  }
}
