package io.pipelineguard.repair.sim;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.repair.RepairAction;
import io.pipelineguard.repair.RepairContext;
import io.pipelineguard.repair.RepairPlan;
import io.pipelineguard.repair.RepairPlanner;
import io.pipelineguard.repair.RepairPolicy;
import io.pipelineguard.repair.RepairStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Replays a corpus's failures in time order under the guard's planner and under four reference
 * policies, and counts what each achieves.
 *
 * <p><b>Honesty.</b> The guard decides only from the {@link FailureDiagnoser}'s diagnosis of each
 * log; the corpus's {@code transient} label decides only outcomes: a rerun of a transient failure
 * succeeds with probability {@code successProbability} (0.9 by default), a rerun of a deterministic
 * one fails. Draws come from a {@link SplittableRandom} seeded per failure from {@code seed}, and
 * every policy sees the same draws (common random numbers), so differences are the policies', not
 * luck's. A rollback succeeds with the same draw rule as a transient rerun.
 *
 * <p><b>Reference policies.</b> {@code always_retry_2}: every failure rerun up to 2 times
 * (Naginator-like); {@code never}: no rerun; {@code platform_reasons}: up to 2 reruns of what a CI
 * platform's own failure reason would catch ({@code infrastructure}, {@code timeout}; the platform
 * knows its reason, so the corpus's category label is used when present, else the diagnosis);
 * {@code oracle}: up to 2 reruns of exactly the failures labelled transient. Reference policies
 * never roll back or escalate.
 *
 * <p>Cost: one diagnosis per failure plus O(reruns) planning; the planner's state is fresh for
 * every run. Not thread-safe; create one per replay.
 */
public final class Simulator {
  /** Default success probability of one rerun of a transient failure. */
  public static final double DEFAULT_SUCCESS_PROBABILITY = 0.9;

  /** Assumed duration of one job run, by which the clock advances per rerun. */
  public static final Duration JOB_DURATION = Duration.ofMinutes(10);

  /** Reruns the reference policies allow per failure. */
  public static final int REFERENCE_RETRIES = 2;

  private final RepairPolicy policy;
  private final long seed;
  private final double successProbability;
  private final GuardObserver observer;

  private Simulator(Builder b) {
    this.policy = b.policy;
    this.seed = b.seed;
    this.successProbability = b.successProbability;
    this.observer = b.observer;
  }

  /** Sees each of the guard's plans in a replay, for development tools and tests. */
  @FunctionalInterface
  interface GuardObserver {
    /**
     * Called after each plan of the guard.
     *
     * @param failure the failure replayed
     * @param plan the plan made
     * @param rerunPassed whether the plan's rerun passed; null when the plan had no rerun
     */
    void planned(SimulatedFailure failure, RepairPlan plan, Boolean rerunPassed);
  }

  /** Returns a builder: default policy, seed 1, success probability 0.9. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Replays {@code failures} in the order given.
   *
   * @param failures the failures, oldest first
   * @param diagnoser diagnoses each failure's log for the guard
   */
  public SimulationReport run(List<SimulatedFailure> failures, FailureDiagnoser diagnoser) {
    Objects.requireNonNull(failures, "failures must not be null");
    Objects.requireNonNull(diagnoser, "diagnoser must not be null");
    SplittableRandom root = new SplittableRandom(seed);
    long[] seeds = new long[failures.size()];
    Diagnosis[] diagnoses = new Diagnosis[failures.size()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = root.nextLong();
      diagnoses[i] = Objects.requireNonNull(diagnoser.diagnose(failures.get(i)), "diagnosis");
    }
    Map<String, PolicyResult> results = new LinkedHashMap<>();
    results.put("guard", runGuard(failures, diagnoses, seeds));
    results.put("always_retry_2", runReference("always_retry_2", failures, seeds, (f, i) -> true));
    results.put("never", runReference("never", failures, seeds, (f, i) -> false));
    results.put(
        "platform_reasons",
        runReference(
            "platform_reasons",
            failures,
            seeds,
            (f, i) -> {
              Category c = Category.fromWireName(f.categoryLabel()).orElse(diagnoses[i].category());
              return c == Category.INFRASTRUCTURE || c == Category.TIMEOUT;
            }));
    results.put("oracle", runReference("oracle", failures, seeds, (f, i) -> f.transientLabel()));
    return new SimulationReport(failures.size(), seed, results);
  }

  /** Decides, for a reference policy, whether failure {@code i} is rerun. */
  @FunctionalInterface
  private interface RerunRule {
    boolean rerun(SimulatedFailure failure, int index);
  }

  private PolicyResult runReference(
      String name, List<SimulatedFailure> failures, long[] seeds, RerunRule rule) {
    Tally t = new Tally();
    for (int i = 0; i < failures.size(); i++) {
      SimulatedFailure f = failures.get(i);
      t.count(f);
      SplittableRandom draws = new SplittableRandom(seeds[i]);
      int runs = 1;
      if (rule.rerun(f, i)) {
        for (int k = 0; k < REFERENCE_RETRIES; k++) {
          runs++;
          boolean ok = t.rerun(f, draws);
          if (ok) {
            break;
          }
        }
      }
      t.maxRuns = Math.max(t.maxRuns, runs);
    }
    return t.result(name);
  }

  private PolicyResult runGuard(
      List<SimulatedFailure> failures, Diagnosis[] diagnoses, long[] seeds) {
    Instant start = Instant.parse("2000-01-01T00:00:00Z");
    for (SimulatedFailure f : failures) {
      if (f.createdAt() != null) {
        start = f.createdAt();
        break;
      }
    }
    SimulationClock clock = new SimulationClock(start);
    RepairPlanner planner = RepairPlanner.of(policy, clock);
    Map<String, Integer> runsByJobCommit = new HashMap<>();
    Tally t = new Tally();
    for (int i = 0; i < failures.size(); i++) {
      SimulatedFailure f = failures.get(i);
      Diagnosis d = diagnoses[i];
      t.count(f);
      if (f.createdAt() != null) {
        clock.set(f.createdAt());
      } else {
        clock.advance(Duration.ofMinutes(1));
      }
      SplittableRandom draws = new SplittableRandom(seeds[i]);
      String key = f.pipeline() + '\u001f' + f.job() + '\u001f' + f.commit();
      int attempt = runsByJobCommit.merge(key, 1, Integer::sum);
      int chainRuns = 1;
      // Bounded by the planner's cap; the guard below is a second fence against a planner bug.
      for (int step = 0; step < RepairPolicy.MAX_MAX_ATTEMPTS + 1; step++) {
        RepairContext ctx =
            RepairContext.builder()
                .platform("simulation")
                .pipeline(f.pipeline())
                .job(f.job())
                .commit(f.commit())
                .attempt(attempt)
                .deploys(f.deploys())
                .rollbackTarget(f.deploys() ? "rollback-" + f.job() : "")
                .build();
        RepairPlan plan = planner.plan(d, ctx);
        RepairAction rerun = null;
        for (RepairAction a : plan.actions()) {
          switch (a.strategy()) {
            case ESCALATE -> t.escalations++;
            case ROLLBACK -> {
              t.rollbacks++;
              planner.recordOutcome(
                  d, ctx, RepairStrategy.ROLLBACK, draws.nextDouble() < successProbability);
            }
            default -> {
              if (a.strategy().isRerun() && rerun == null) {
                rerun = a;
              }
            }
          }
        }
        if (rerun == null) {
          observer.planned(f, plan, null);
          break;
        }
        chainRuns++;
        attempt = runsByJobCommit.merge(key, 1, Integer::sum);
        clock.advance(rerun.delay().plus(JOB_DURATION));
        boolean ok = t.rerun(f, draws);
        planner.recordOutcome(d, ctx, rerun.strategy(), ok);
        observer.planned(f, plan, ok);
        if (ok) {
          break;
        }
      }
      t.maxRuns = Math.max(t.maxRuns, chainRuns);
    }
    return t.result("guard");
  }

  /** Counters of one policy's replay. */
  private final class Tally {
    int transientFailures;
    int transientRecovered;
    int deterministicFailures;
    int wasted;
    int retries;
    int rollbacks;
    int escalations;
    int maxRuns;

    void count(SimulatedFailure f) {
      if (f.transientLabel()) {
        transientFailures++;
      } else {
        deterministicFailures++;
      }
    }

    /** Reruns {@code f} once; returns whether the rerun passed. */
    boolean rerun(SimulatedFailure f, SplittableRandom draws) {
      retries++;
      double draw = draws.nextDouble();
      if (!f.transientLabel()) {
        wasted++;
        return false;
      }
      boolean ok = draw < successProbability;
      if (ok) {
        transientRecovered++;
      }
      return ok;
    }

    PolicyResult result(String name) {
      return new PolicyResult(
          name,
          transientFailures,
          transientRecovered,
          deterministicFailures,
          wasted,
          retries,
          rollbacks,
          escalations,
          maxRuns);
    }
  }

  /** Fluent builder for {@link Simulator}. */
  public static final class Builder {
    private RepairPolicy policy = RepairPolicy.ofDefaults();
    private long seed = 1L;
    private double successProbability = DEFAULT_SUCCESS_PROBABILITY;
    private GuardObserver observer = (f, plan, ok) -> {};

    private Builder() {}

    /** Sets who sees the guard's plans (package-private: development tools and tests). */
    Builder observer(GuardObserver value) {
      this.observer = Objects.requireNonNull(value, "observer must not be null");
      return this;
    }

    /** Sets the guard's policy. */
    public Builder policy(RepairPolicy value) {
      this.policy = Objects.requireNonNull(value, "policy must not be null");
      return this;
    }

    /** Sets the seed of the outcome draws. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Sets the success probability of one rerun of a transient failure.
     *
     * @param value from 0 to 1
     */
    public Builder successProbability(double value) {
      if (!(value >= 0.0 && value <= 1.0)) {
        throw new IllegalArgumentException(
            "successProbability must be within [0, 1], was " + value);
      }
      this.successProbability = value;
      return this;
    }

    /** Builds the simulator. */
    public Simulator build() {
      return new Simulator(this);
    }
  }
}
