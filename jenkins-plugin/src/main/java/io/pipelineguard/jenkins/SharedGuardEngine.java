package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnoser;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.DiagnosisReport;
import io.pipelineguard.diagnosis.LogSource;
import io.pipelineguard.diagnosis.SignatureHistory;
import io.pipelineguard.diagnosis.knowledge.KnowledgeBase;
import io.pipelineguard.repair.PastAttempt;
import io.pipelineguard.repair.RepairAction;
import io.pipelineguard.repair.RepairContext;
import io.pipelineguard.repair.RepairPlan;
import io.pipelineguard.repair.RepairPlanner;
import io.pipelineguard.repair.RepairPolicy;
import io.pipelineguard.repair.RepairStrategy;
import io.pipelineguard.repair.learning.FileRepairStatsStore;
import io.pipelineguard.repair.learning.RepairStatistics;
import io.pipelineguard.repair.learning.RepairStatsStore;
import io.pipelineguard.repair.learning.StatsKey;
import io.pipelineguard.repair.learning.StrategyStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin's engine: hdc-engine's {@link Diagnoser} (built-in knowledge, the administrator's
 * {@link UserRules}, learned HDC prototypes) and {@link RepairPlanner} (learned repair statistics),
 * the same ones the webhook bridge uses, behind the {@link GuardEngine} seam.
 *
 * <p>State under the state folder ({@code $JENKINS_HOME/pipeline-guard/}): {@code repair-stats.txt}
 * (repair outcomes, rewritten atomically after each), {@code prototypes.pglp} (rewritten atomically
 * after each correction), and the {@link GuardLedger}'s files. Everything is read on first use.
 * {@code signatures.txt} (when each failure signature was last seen, for novelty; {@link
 * FileSignatureHistory}). The templates remembered for corrections and the planners' rails
 * (cooldown, flood limit, rollback window) live in memory and start empty after a restart.
 *
 * <p>Thread-safe. A diagnosis reads the given lines once (linear in their size, bounded by the
 * caller); a decision costs microseconds; an outcome or a correction rewrites a small file.
 */
final class SharedGuardEngine implements GuardEngine {
  private static final Logger LOGGER = Logger.getLogger(SharedGuardEngine.class.getName());

  /** The repair statistics' file name in the state folder. */
  static final String STATS_FILE = "repair-stats.txt";

  /** Signatures remembered for novelty. */
  static final int HISTORY_SIGNATURES = 10_000;

  /** How long a seen signature stays "known". */
  static final Duration NOVELTY_WINDOW = Duration.ofDays(30);

  /** Weight of learned prototypes' votes (as the eval tool's default). */
  static final double PROTOTYPE_WEIGHT = 20;

  /** Recent failures whose prototype templates are kept, so a person can correct them. */
  static final int REMEMBERED_FAILURES = 1_000;

  /** The planner's job name for a guard block (the pipeline is the Jenkins job). */
  static final String PLANNER_JOB = "guard";

  private final GuardLedger ledger;
  private final UserRules rules;
  private final Clock clock;
  private final PrototypeModelStore prototypes;
  private final RepairStatsStore statsStore;
  private final Path statsFile;
  private final SignatureHistory history;
  private final Map<String, List<String>> templatesBySignature = lru(REMEMBERED_FAILURES);
  private final Map<String, RepairStrategy> lastRerunByPattern = lru(REMEMBERED_FAILURES);
  private final Object statsLock = new Object();
  private volatile RulesAndDiagnoser current;
  private volatile GuardPlanners planners;
  private final GuardPolicies policies;
  private final BridgeOutcomeForwarder bridge;

  private record RulesAndDiagnoser(List<UserRule> rules, Diagnoser diagnoser) {}

  /**
   * Creates the engine; reads nothing yet.
   *
   * @param stateDir the folder of the engine's files
   * @param ledger job health and recent events, for the management page
   * @param rules the administrator's rules, read at each diagnosis (cheap) to notice changes
   * @param clock time for novelty, cooldowns and learning
   */
  SharedGuardEngine(Path stateDir, GuardLedger ledger, UserRules rules, Clock clock) {
    this(stateDir, ledger, rules, clock, GuardPolicies.builtIn());
  }

  /**
   * Creates the engine with the controller's named policies; reads nothing yet.
   *
   * @param policies resolves the guards' policy names
   */
  SharedGuardEngine(
      Path stateDir, GuardLedger ledger, UserRules rules, Clock clock, GuardPolicies policies) {
    this(stateDir, ledger, rules, clock, policies, new BridgeOutcomeForwarder(() -> "", () -> ""));
  }

  /**
   * Creates the engine sharing its repair outcomes with a bridge; reads nothing yet.
   *
   * @param bridge where outcomes are also sent (does nothing while no bridge is configured)
   */
  SharedGuardEngine(
      Path stateDir,
      GuardLedger ledger,
      UserRules rules,
      Clock clock,
      GuardPolicies policies,
      BridgeOutcomeForwarder bridge) {
    Objects.requireNonNull(stateDir, "stateDir must not be null");
    this.ledger = Objects.requireNonNull(ledger, "ledger must not be null");
    this.rules = Objects.requireNonNull(rules, "rules must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.policies = Objects.requireNonNull(policies, "policies must not be null");
    this.bridge = Objects.requireNonNull(bridge, "bridge must not be null");
    this.history = new FileSignatureHistory(stateDir, HISTORY_SIGNATURES);
    this.prototypes = new PrototypeModelStore(stateDir);
    this.statsFile = stateDir.resolve(STATS_FILE);
    this.statsStore = new FileRepairStatsStore(statsFile);
  }

  @Override
  public Diagnosis diagnose(List<String> lines) {
    Diagnoser diagnoser = diagnoser();
    prototypes.takeLastQuery();
    DiagnosisReport report;
    try {
      report = diagnoser.diagnose(LogSource.ofLines(lines));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the log lines", e);
    }
    List<String> query = prototypes.takeLastQuery();
    Diagnosis d = report.diagnosis();
    if (!query.isEmpty()) {
      synchronized (templatesBySignature) {
        templatesBySignature.put(d.signature(), query);
      }
    }
    return d;
  }

  @Override
  public GuardDecision decide(Diagnosis diagnosis, GuardSituation situation) {
    boolean reruns = !situation.neverRetry().contains(diagnosis.category());
    RepairPlanner planner =
        planners().forBlock(policies.resolve(situation.policy()), situation.maxAttempts(), reruns);
    RepairPlan plan = planner.plan(diagnosis, context(situation));
    RepairAction primary = plan.primary();
    String reason = plan.explanation();
    switch (primary.strategy()) {
      case RETRY_JOB:
      case RETRY_FAILED_JOBS:
      case RETRY_WITH_BACKOFF:
      case CLEAN_RETRY:
        synchronized (lastRerunByPattern) {
          lastRerunByPattern.put(
              situation.job() + '\u001f' + diagnosis.signature(), primary.strategy());
        }
        return primary.strategy() == RepairStrategy.CLEAN_RETRY
            ? GuardDecision.cleanRetry(primary.delay(), reason)
            : GuardDecision.retry(primary.delay(), reason);
      case ROLLBACK:
        return GuardDecision.rollback(reason);
      case ESCALATE:
      case CUSTOM_SCRIPT:
      case NONE:
      default:
        return GuardDecision.fail(reason);
    }
  }

  @Override
  public void checkPolicy(String name) {
    policies.resolve(name);
  }

  @Override
  public void recordOutcome(RepairOutcome outcome) {
    ledger.recordOutcome(outcome);
    RepairStrategy strategy;
    switch (outcome.action()) {
      case ROLLBACK:
        strategy = RepairStrategy.ROLLBACK;
        break;
      case RETRY:
        synchronized (lastRerunByPattern) {
          strategy =
              lastRerunByPattern.getOrDefault(
                  outcome.job() + '\u001f' + outcome.signature(),
                  RepairStrategy.RETRY_WITH_BACKOFF);
        }
        break;
      case FAIL:
      default:
        return;
    }
    Diagnosis d =
        new Diagnosis(
            outcome.category(),
            outcome.category().kind() == Category.Kind.TRANSIENT,
            1.0,
            List.of(),
            outcome.signature(),
            false,
            "recorded outcome");
    RepairContext ctx =
        RepairContext.builder()
            .platform("jenkins")
            .pipeline(outcome.job())
            .job(PLANNER_JOB)
            .attempt(Math.max(1, Math.min(outcome.attempt(), RepairContext.MAX_ATTEMPT)))
            .build();
    planners()
        .forBlock(RepairPolicy.ofDefaults(), RepairPolicy.DEFAULT_MAX_ATTEMPTS, true)
        .recordOutcome(d, ctx, strategy, outcome.succeeded());
    bridge.forward(outcome, strategy);
    synchronized (statsLock) {
      try {
        statsStore.save(statistics().snapshot());
      } catch (IOException e) {
        LOGGER.log(Level.WARNING, "pipeline-guard: could not save " + statsFile, e);
      }
    }
  }

  @Override
  public void recordBuild(FinishedBuild build) {
    ledger.recordBuild(build);
    if (!build.succeeded() && build.diagnosis().isPresent()) {
      history.record(
          build.diagnosis().get().signature(), Instant.ofEpochMilli(build.finishedAtMillis()));
    }
  }

  @Override
  public boolean learnFeedback(String signature, Category correct) {
    List<String> templates;
    synchronized (templatesBySignature) {
      templates = templatesBySignature.get(signature);
    }
    if (templates == null) {
      return false;
    }
    try {
      prototypes.learn(templates, correct);
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the learned prototypes", e);
    }
    return true;
  }

  /** Returns the learned repair statistics (loaded on first use). */
  RepairStatistics statistics() {
    return planners().statistics();
  }

  /** Returns the diagnoser for the current rules, rebuilt when the rules changed. */
  private Diagnoser diagnoser() {
    List<UserRule> now = rules.all();
    RulesAndDiagnoser c = current;
    if (c != null && c.rules().equals(now)) {
      return c.diagnoser();
    }
    synchronized (this) {
      c = current;
      if (c == null || !c.rules().equals(now)) {
        Diagnoser d =
            Diagnoser.builder()
                .knowledge(KnowledgeBase.builtIn().with(UserRuleIndications.of(now)))
                .prototypes(prototypes.asLearnedPrototypes(), PROTOTYPE_WEIGHT)
                .history(history, NOVELTY_WINDOW)
                .clock(clock)
                .build();
        c = new RulesAndDiagnoser(now, d);
        current = c;
      }
      return c.diagnoser();
    }
  }

  private GuardPlanners planners() {
    GuardPlanners p = planners;
    if (p == null) {
      synchronized (statsLock) {
        p = planners;
        if (p == null) {
          RepairStatistics stats =
              new RepairStatistics(RepairPolicy.ofDefaults().learningHalfLife());
          stats.replaceAll(loadStatistics());
          p = new GuardPlanners(stats, clock);
          planners = p;
        }
      }
    }
    return p;
  }

  private Map<StatsKey, StrategyStats> loadStatistics() {
    try {
      return statsStore.load();
    } catch (IOException | RuntimeException e) {
      LOGGER.log(Level.WARNING, "pipeline-guard: " + statsFile + " is damaged; starting afresh", e);
      try {
        Files.move(
            statsFile,
            statsFile.resolveSibling(STATS_FILE + ".damaged"),
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException moveFailed) {
        LOGGER.log(Level.WARNING, "pipeline-guard: could not move " + statsFile, moveFailed);
      }
      return Map.of();
    }
  }

  /**
   * The planner's view of a guard block: the Jenkins job is the pipeline; each block run is its own
   * failure chain, whose earlier attempts were failed reruns (so the cap holds even for a planner
   * that never saw them, after a restart).
   */
  private RepairContext context(GuardSituation s) {
    List<PastAttempt> past = new ArrayList<>();
    Instant now = clock.instant();
    for (int i = 1; i < s.attempt(); i++) {
      past.add(new PastAttempt(RepairStrategy.RETRY_WITH_BACKOFF, false, now));
    }
    return RepairContext.builder()
        .platform("jenkins")
        .pipeline(s.job())
        .job(PLANNER_JOB + " (" + s.chain() + ")")
        .attempt(s.attempt())
        .history(past)
        .deploys(s.rollbackAvailable())
        .rollbackTarget(s.rollbackAvailable() ? "the guard's rollbackJob" : "")
        .build();
  }

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
