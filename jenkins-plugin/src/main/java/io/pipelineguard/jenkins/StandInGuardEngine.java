package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.LineSpan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The engine the plugin uses until the shared diagnoser and repair planner are connected: it
 * diagnoses only with the administrator's {@link UserRules} (anything else is {@code unknown}),
 * retries transient failures with exponential backoff, proposes a rollback for a deployment
 * failure, and records everything in the {@link GuardLedger}.
 *
 * <p>Deliberately small: the real judgement belongs to hdc-engine's diagnoser and planner, which
 * replace {@link #diagnose} and {@link #decide} when connected.
 */
final class StandInGuardEngine implements GuardEngine {
  /** Wait before the first retry; doubled for each further one. */
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(15);

  private final GuardLedger ledger;
  private final UserRules rules;

  StandInGuardEngine(GuardLedger ledger, UserRules rules) {
    this.ledger = Objects.requireNonNull(ledger, "ledger must not be null");
    this.rules = Objects.requireNonNull(rules, "rules must not be null");
  }

  @Override
  public Diagnosis diagnose(List<String> lines) {
    for (UserRule rule : rules.all()) {
      List<Integer> hits = UserRule.matchingLines(UserRule.compile(rule.pattern()), lines);
      if (!hits.isEmpty()) {
        int line = hits.get(0);
        Category c = rule.category();
        return new Diagnosis(
            c,
            c.kind() == Category.Kind.TRANSIENT,
            0.9,
            List.of(new LineSpan(line, line)),
            "rule:" + rule.name(),
            false,
            "user rule '" + rule.name() + "' matched line " + line);
      }
    }
    return new Diagnosis(
        Category.UNKNOWN,
        false,
        0.0,
        List.of(),
        "unknown",
        true,
        "no rule matched (the shared diagnoser is not connected)");
  }

  @Override
  public GuardDecision decide(Diagnosis diagnosis, GuardSituation situation) {
    if (diagnosis.transientFailure()) {
      long factor = 1L << Math.min(situation.attempt() - 1, 10);
      return GuardDecision.retry(
          FIRST_BACKOFF.multipliedBy(factor), diagnosis.category().wireName() + " is transient");
    }
    if (diagnosis.category() == Category.DEPLOYMENT && situation.rollbackAvailable()) {
      return GuardDecision.rollback("a deployment failed");
    }
    return GuardDecision.fail(
        diagnosis.category().wireName() + " is not transient: a retry would fail again");
  }

  @Override
  public void recordOutcome(RepairOutcome outcome) {
    ledger.recordOutcome(outcome);
  }

  @Override
  public void recordBuild(FinishedBuild build) {
    ledger.recordBuild(build);
  }
}
