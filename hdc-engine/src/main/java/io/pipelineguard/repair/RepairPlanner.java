package io.pipelineguard.repair;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.repair.learning.RepairOutcome;
import io.pipelineguard.repair.learning.RepairStatistics;
import io.pipelineguard.repair.learning.SuccessEstimate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides what to do about one failed job: diagnosis and context in, a {@link RepairPlan} with
 * reasons out, always within the {@link RepairPolicy}'s rails. Feed it every outcome through {@link
 * #recordOutcome} so it learns which repair works.
 *
 * <p>Order of judgement, first match wins:
 *
 * <ol>
 *   <li>the guard's own pipelines: hands off;
 *   <li>a failure (job, commit, attempt) already planned: hands off, so nothing is repaired twice;
 *   <li>a job in cooldown after the guard escalated or rolled it back: hands off;
 *   <li>a rerun, when the chain is under {@code maxAttempts} and the assessment allows it:
 *       transient failures climb the ladder's rerun rungs, skipping rungs learning rates below
 *       {@code minSuccessProbability}; unknown or uncertain ones get one retry, on the first
 *       attempt only; deterministic ones only when learning has seen a rerun fix this pattern often
 *       enough; and never past the flood limit;
 *   <li>otherwise a rollback for deploy jobs (once per window per pipeline), then people.
 * </ol>
 *
 * <p>Planning reserves what it plans (the rerun counts against the cap at once), so two deliveries
 * of the same failure cannot both rerun it. Thread-safe: the rails' state is guarded by one lock,
 * and statistics are concurrent. A plan costs O(ladder length).
 */
public final class RepairPlanner {
  /** Failed outcomes of a pattern after which learning may stop the one-retry probe. */
  static final int PROBE_BLOCK_MIN_OUTCOMES = 2;

  /** Probes of uncertain failures, in all pipelines, before their learned success may stop them. */
  static final int PROBE_LEARNING_MIN_OUTCOMES = 5;

  private final RepairPolicy policy;
  private final RepairStatistics statistics;
  private final Clock clock;
  private final RepairEngineRegistry engines;
  private final RepairLedger ledger = new RepairLedger();

  /**
   * Creates a planner.
   *
   * @param policy the rails and preferences
   * @param statistics learned outcomes, shared with whatever persists them
   * @param clock the time source for cooldowns, windows and decay
   */
  public RepairPlanner(RepairPolicy policy, RepairStatistics statistics, Clock clock) {
    this(policy, statistics, clock, new RepairEngineRegistry());
  }

  /**
   * Creates a planner that asks registered engines for actions when the ladder reaches {@link
   * RepairStrategy#CUSTOM_SCRIPT}.
   *
   * @param policy the rails and preferences
   * @param statistics learned outcomes, shared with whatever persists them
   * @param clock the time source for cooldowns, windows and decay
   * @param engines the extension engines consulted
   */
  public RepairPlanner(
      RepairPolicy policy, RepairStatistics statistics, Clock clock, RepairEngineRegistry engines) {
    this.policy = Objects.requireNonNull(policy, "policy must not be null");
    this.statistics = Objects.requireNonNull(statistics, "statistics must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.engines = Objects.requireNonNull(engines, "engines must not be null");
  }

  /** Creates a planner with fresh statistics decaying at the policy's half-life. */
  public static RepairPlanner of(RepairPolicy policy, Clock clock) {
    return new RepairPlanner(policy, new RepairStatistics(policy.learningHalfLife()), clock);
  }

  /** Returns the policy. */
  public RepairPolicy policy() {
    return policy;
  }

  /** Returns the learned statistics. */
  public RepairStatistics statistics() {
    return statistics;
  }

  /** How the planner reads a diagnosis. */
  enum Assessment {
    TRANSIENT,
    DETERMINISTIC,
    UNCERTAIN
  }

  /**
   * Plans the repair of one failure.
   *
   * @param diagnosis why the job failed
   * @param context where it failed
   * @return the plan; never null, never empty
   */
  public RepairPlan plan(Diagnosis diagnosis, RepairContext context) {
    Objects.requireNonNull(diagnosis, "diagnosis must not be null");
    Objects.requireNonNull(context, "context must not be null");
    Instant now = clock.instant();
    synchronized (ledger) {
      return decide(diagnosis, context, now);
    }
  }

  private RepairPlan decide(Diagnosis d, RepairContext ctx, Instant now) {
    if (policy.isSelfPipeline(ctx.pipeline())) {
      return none(
          d,
          "Pipeline '"
              + ctx.pipeline()
              + "' is one of the guard's own; the guard never acts on itself, so it cannot loop.");
    }
    String chainKey = ctx.jobCommitKey();
    if (!ledger.markPlanned(chainKey, ctx.attempt())) {
      return none(
          d,
          "Attempt "
              + ctx.attempt()
              + " of "
              + chainKey
              + " was already planned; a failure is never repaired twice.");
    }
    Instant cooldownEnd = ledger.cooldownUntil(ctx.jobKey());
    if (cooldownEnd != null && now.isBefore(cooldownEnd)) {
      return none(
          d,
          "The guard already escalated or rolled back "
              + ctx.jobKey()
              + "; it stays hands-off until "
              + cooldownEnd
              + " (cooldown "
              + human(policy.cooldown())
              + ").");
    }
    RepairLedger.Chain chain = ledger.chain(chainKey);
    int reruns = Math.max(chain.reruns.size(), failedTail(ctx.history()));
    int runs = reruns + 1;
    Assessment assessment = assess(d);
    String why = assessmentReason(d, assessment);

    List<String> notes = new ArrayList<>();
    RepairAction rerun = null;
    if (runs >= policy.maxAttempts()) {
      notes.add(
          ctx.jobCommitKey()
              + " has run "
              + runs
              + (runs == 1 ? " time" : " times")
              + " in this failure chain; the cap is "
              + policy.maxAttempts());
    } else {
      rerun = chooseRerun(d, ctx, assessment, chain, reruns, now, notes);
    }
    if (rerun != null && reruns == 0) {
      String floodKey = ctx.pipeline() + '\u001f' + d.signature();
      int recent = ledger.recentChainStarts(floodKey, now, policy.cooldown());
      if (recent >= policy.floodLimit()) {
        return floodPlan(d, ctx, floodKey, recent, now);
      }
      ledger.recordChainStart(floodKey, now, policy.floodLimit() + 1);
    }
    if (rerun != null) {
      ledger.recordRerun(chainKey, rerun.strategy());
      List<RepairAction> actions = new ArrayList<>();
      actions.add(rerun);
      if (ctx.criticality() == Criticality.CRITICAL && policy.escalation()) {
        actions.add(
            RepairAction.of(
                RepairStrategy.ESCALATE,
                "The job is critical: people are told at once, while the guard retries."));
      }
      return new RepairPlan(d, actions, why + " " + rerun.reason());
    }
    return giveUp(d, ctx, assessment, why, notes, reruns, now);
  }

  private RepairAction chooseRerun(
      Diagnosis d,
      RepairContext ctx,
      Assessment assessment,
      RepairLedger.Chain chain,
      int reruns,
      Instant now,
      List<String> notes) {
    List<RepairStrategy> candidates = rerunCandidates(chain);
    if (candidates.isEmpty()) {
      notes.add("the ladder has no rerun strategy");
      return null;
    }
    switch (assessment) {
      case UNCERTAIN:
        {
          if (!policy.retryUnknownOnce()) {
            notes.add("the policy gives unknown failures no retry");
            return null;
          }
          if (ctx.attempt() != 1 || reruns != 0) {
            notes.add("unknown failures get at most one retry, on the first attempt only");
            return null;
          }
          RepairStrategy first = candidates.get(0);
          // The category is not trusted here, so the estimate starts from the unknown prior; only
          // repeated failures of this very pattern stop the probe.
          SuccessEstimate est =
              statistics.estimate(ctx.pipeline(), d.signature(), Category.UNKNOWN, first, now);
          if (est.patternTrials() >= PROBE_BLOCK_MIN_OUTCOMES
              && est.probability() < policy.minSuccessProbability()) {
            notes.add("learning: " + est.explanation());
            return null;
          }
          String probesPaid = probesPaidOff(first, now);
          if (probesPaid != null) {
            notes.add("learning: " + probesPaid);
            return null;
          }
          return rerunAction(
              first, reruns, "One retry, on the first attempt only: " + est.explanation() + ".");
        }
      case TRANSIENT:
        {
          for (RepairStrategy s : candidates) {
            // Read as transient, the failure starts from the transient prior whatever its
            // category's usual kind; the category's own outcomes still count.
            SuccessEstimate est =
                statistics.estimate(
                    ctx.pipeline(), d.signature(), d.category(), Category.Kind.TRANSIENT, s, now);
            if (est.probability() >= policy.minSuccessProbability()) {
              return rerunAction(
                  s, reruns, "Next rung " + s.wireName() + ": " + est.explanation() + ".");
            }
            notes.add("skipped " + s.wireName() + ": " + est.explanation());
          }
          return null;
        }
      case DETERMINISTIC:
      default:
        {
          if (policy.learnedRetryOfDeterministic()) {
            for (RepairStrategy s : candidates) {
              SuccessEstimate est = estimate(d, ctx, s, now);
              if (est.patternTrials() >= policy.learnedOverrideMinOutcomes()
                  && est.probability() >= policy.minSuccessProbability()) {
                return rerunAction(
                    s, reruns, "Learning overrides the category: " + est.explanation() + ".");
              }
            }
          }
          notes.add(d.category().wireName() + " failures reproduce; a rerun would waste a runner");
          return null;
        }
    }
  }

  /**
   * Returns why probes of uncertain failures are stopped (their learned success, over at least
   * {@link #PROBE_LEARNING_MIN_OUTCOMES} probes, is below {@code minProbeSuccess}), or null when
   * they may go on. The rate is the Beta(1, 1) posterior mean of decayed probe outcomes, so a pause
   * ends by itself as old failures lose weight.
   */
  private String probesPaidOff(RepairStrategy s, Instant now) {
    double[] probes = statistics.probeOutcomes(s, now);
    double rate = (1.0 + probes[0]) / (2.0 + probes[0] + probes[1]);
    if (probes[2] < PROBE_LEARNING_MIN_OUTCOMES || rate >= policy.minProbeSuccess()) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "probes of uncertain failures have lately paid off %.0f%% of the time (%d probes), below"
            + " the policy's %.0f%%",
        rate * 100.0,
        (long) probes[2],
        policy.minProbeSuccess() * 100.0);
  }

  private List<RepairStrategy> rerunCandidates(RepairLedger.Chain chain) {
    List<RepairStrategy> rungs = policy.ladder().stream().filter(RepairStrategy::isRerun).toList();
    List<RepairStrategy> untried = new ArrayList<>();
    for (RepairStrategy s : rungs) {
      if (!chain.reruns.contains(s)) {
        untried.add(s);
      }
    }
    if (untried.isEmpty() && !rungs.isEmpty()) {
      untried.add(rungs.get(rungs.size() - 1));
    }
    return untried;
  }

  private RepairAction rerunAction(RepairStrategy s, int reruns, String reason) {
    Duration delay =
        (s == RepairStrategy.RETRY_WITH_BACKOFF || s == RepairStrategy.CLEAN_RETRY)
            ? policy.backoff().delayBefore(reruns + 1)
            : Duration.ZERO;
    return new RepairAction(s, delay, java.util.Map.of(), reason);
  }

  private SuccessEstimate estimate(Diagnosis d, RepairContext ctx, RepairStrategy s, Instant now) {
    return statistics.estimate(ctx.pipeline(), d.signature(), d.category(), s, now);
  }

  private RepairPlan floodPlan(
      Diagnosis d, RepairContext ctx, String floodKey, int recent, Instant now) {
    String flood =
        recent
            + " repairs of this signature started in "
            + ctx.pipeline()
            + " within "
            + human(policy.cooldown())
            + " (flood limit "
            + policy.floodLimit()
            + "); more retries would pile onto an outage.";
    Instant until = ledger.floodEscalatedUntil(floodKey);
    if (until != null && now.isBefore(until)) {
      return none(d, "Already escalated as a flood: " + flood);
    }
    ledger.recordFloodEscalation(floodKey, now.plus(policy.cooldown()));
    if (!policy.escalation()) {
      return none(d, "Hands off: " + flood);
    }
    return new RepairPlan(
        d,
        List.of(RepairAction.of(RepairStrategy.ESCALATE, "Hand to people: " + flood)),
        "Hand to people: " + flood);
  }

  private RepairPlan giveUp(
      Diagnosis d,
      RepairContext ctx,
      Assessment assessment,
      String why,
      List<String> notes,
      int reruns,
      Instant now) {
    String notRerun = notes.isEmpty() ? "" : " No rerun: " + String.join("; ", notes) + ".";
    List<RepairAction> actions = new ArrayList<>();
    boolean acted = reruns > 0;
    if (ctx.deploys()
        && policy.ladderContains(RepairStrategy.ROLLBACK)
        && (d.category() == Category.DEPLOYMENT || reruns > 0)) {
      Instant last = ledger.lastRollback(ctx.pipeline());
      if (!ctx.hasRollbackTarget()) {
        notRerun += " No rollback: no rollback target is configured for " + ctx.pipeline() + ".";
      } else if (last != null && now.isBefore(last.plus(policy.rollbackWindow()))) {
        notRerun +=
            " No rollback: "
                + ctx.pipeline()
                + " was already rolled back at "
                + last
                + "; at most once per "
                + human(policy.rollbackWindow())
                + ".";
      } else {
        ledger.recordRollback(ctx.pipeline(), now);
        acted = true;
        actions.add(
            RepairAction.of(
                    RepairStrategy.ROLLBACK,
                    "Roll back "
                        + ctx.pipeline()
                        + " with '"
                        + ctx.rollbackTarget()
                        + "': the deploy job failed and will not be rerun.")
                .withParameter("target", ctx.rollbackTarget()));
      }
    }
    if (policy.ladderContains(RepairStrategy.CUSTOM_SCRIPT)) {
      for (RepairEngine engine : engines.enginesFor(d, ctx)) {
        for (RepairAction a : engine.generateRepairActions(d, ctx)) {
          if (!a.strategy().isRerun() && a.strategy() != RepairStrategy.NONE) {
            actions.add(a.withParameter("engine", engine.name()));
          }
        }
      }
    }
    if (acted && !policy.cooldown().isZero()) {
      ledger.startCooldown(ctx.jobKey(), now.plus(policy.cooldown()));
    }
    if (policy.escalation()) {
      actions.add(
          RepairAction.of(
              RepairStrategy.ESCALATE,
              "Hand to people with the diagnosis and its evidence." + notRerun));
    }
    if (actions.isEmpty()) {
      return none(d, why + notRerun + " Escalation is off.");
    }
    String summary =
        why
            + notRerun
            + (actions.get(0).strategy() == RepairStrategy.ROLLBACK ? " Rolling back." : "");
    return new RepairPlan(d, actions, summary.trim());
  }

  /**
   * Records what happened after a repair, for learning and for the rails: a successful rerun ends
   * the job's failure chain on that commit.
   *
   * @param diagnosis the diagnosis of the failure that was repaired
   * @param context where it was repaired
   * @param strategy what was done
   * @param succeeded whether the job (or the rollback) passed afterwards
   */
  public void recordOutcome(
      Diagnosis diagnosis, RepairContext context, RepairStrategy strategy, boolean succeeded) {
    Objects.requireNonNull(diagnosis, "diagnosis must not be null");
    Objects.requireNonNull(context, "context must not be null");
    Objects.requireNonNull(strategy, "strategy must not be null");
    statistics.record(
        new RepairOutcome(
            context.pipeline(),
            diagnosis.signature(),
            diagnosis.category(),
            strategy,
            succeeded,
            clock.instant()));
    if (strategy.isRerun() && assess(diagnosis) == Assessment.UNCERTAIN) {
      // A rerun of an uncertain read is a probe; how often probes pay off gates the next ones.
      statistics.recordProbe(strategy, succeeded, clock.instant());
    }
    if (strategy.isRerun() && succeeded) {
      synchronized (ledger) {
        ledger.chainSucceeded(context.jobCommitKey());
      }
    }
  }

  Assessment assess(Diagnosis d) {
    if (d.category() == Category.UNKNOWN || d.confidence() < policy.minConfidence()) {
      return Assessment.UNCERTAIN;
    }
    return switch (d.category().kind()) {
      case TRANSIENT -> d.transientFailure() ? Assessment.TRANSIENT : Assessment.UNCERTAIN;
      case DETERMINISTIC ->
          !d.transientFailure()
              ? Assessment.DETERMINISTIC
              : transientEvidence(d) ? Assessment.TRANSIENT : Assessment.UNCERTAIN;
      case MIXED -> d.transientFailure() ? Assessment.TRANSIENT : Assessment.DETERMINISTIC;
      case UNKNOWN -> Assessment.UNCERTAIN;
    };
  }

  /**
   * Whether a diagnosis that calls a failure of a deterministic category transient is sure enough
   * to be read as transient: the log showed a transient cause (a killed linker, a crashed
   * compiler), which says more about this failure than the category's usual kind. The opposite
   * contradiction (a transient category called deterministic) stays uncertain, so it keeps its one
   * probe: missing a transient failure costs people more than one rerun costs a runner.
   */
  private boolean transientEvidence(Diagnosis d) {
    return d.transientFailure()
        && d.category().kind() == Category.Kind.DETERMINISTIC
        && d.confidence() >= policy.transientEvidenceMinConfidence();
  }

  private String assessmentReason(Diagnosis d, Assessment a) {
    String cat = d.category().wireName();
    String conf = String.format(Locale.ROOT, "%.2f", d.confidence());
    return switch (a) {
      case TRANSIENT ->
          "Diagnosed "
              + cat
              + " (confidence "
              + conf
              + "), a transient failure"
              + (transientEvidence(d)
                  ? ": the log shows a transient cause, unlike most " + cat + " failures."
                  : ".");
      case DETERMINISTIC ->
          "Diagnosed " + cat + " (confidence " + conf + "), a deterministic failure.";
      case UNCERTAIN ->
          d.category() == Category.UNKNOWN
              ? "The cause is unknown."
              : "Diagnosed "
                  + cat
                  + " with confidence "
                  + conf
                  + (d.confidence() < policy.minConfidence()
                      ? ", below the policy's " + policy.minConfidence()
                      : ", but the diagnosis contradicts the category's kind")
                  + ": treated as unknown.";
    };
  }

  private static int failedTail(List<PastAttempt> history) {
    int n = 0;
    for (PastAttempt p : history) {
      n = p.succeeded() ? 0 : n + (p.strategy().isRerun() ? 1 : 0);
    }
    return n;
  }

  private static RepairPlan none(Diagnosis d, String reason) {
    return new RepairPlan(d, List.of(RepairAction.of(RepairStrategy.NONE, reason)), reason);
  }

  static String human(Duration d) {
    if (d.toSeconds() % 3600 == 0 && d.toHours() > 0) {
      return d.toHours() + " h";
    }
    if (d.toSeconds() % 60 == 0 && d.toMinutes() > 0) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }
}
