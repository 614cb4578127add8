package io.pipelineguard.repair.learning;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.repair.RepairStrategy;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learned success statistics of repair strategies, per pattern (pipeline and failure signature) and
 * per category, with Beta posteriors for decisions.
 *
 * <p><b>Model.</b> For a strategy and a failure, the category posterior is the taxonomy prior
 * ({@link TaxonomyPriors}) plus the category's decayed outcomes. The pattern posterior uses the
 * category posterior's mean as its prior, with a strength of {@value #PATTERN_PRIOR_STRENGTH}
 * pseudo-outcomes, plus the pattern's decayed outcomes. The estimate is the pattern posterior's
 * mean: deterministic, so the same state always gives the same decision and explanation.
 *
 * <p><b>Bounds.</b> At most {@code maxEntries} statistics are kept; once full, outcomes of new
 * patterns still update their category but the pattern is not stored (category statistics are
 * bounded by categories times strategies, so they always fit).
 *
 * <p><b>Thread-safety.</b> Safe for concurrent use: entries live in a {@link ConcurrentHashMap} and
 * are replaced atomically by {@code merge}. Each call costs O(1).
 */
public final class RepairStatistics {
  /** Pseudo-outcomes the category's mean weighs as the prior of a pattern. */
  public static final double PATTERN_PRIOR_STRENGTH = 4.0;

  /**
   * Category key under which the outcomes of probes of uncertain failures are counted, whatever
   * their diagnosed category: how often "one retry, to see" has paid off.
   */
  public static final String PROBE_KEY = "uncertain-probe";

  /** Default maximum number of stored statistics. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final ConcurrentHashMap<StatsKey, StrategyStats> entries = new ConcurrentHashMap<>();
  private final Duration halfLife;
  private final int maxEntries;

  /**
   * Creates empty statistics.
   *
   * @param halfLife how quickly old outcomes lose weight, positive
   * @param maxEntries the most statistics kept, at least {@code 2 * categories * strategies}
   */
  public RepairStatistics(Duration halfLife, int maxEntries) {
    Objects.requireNonNull(halfLife, "halfLife must not be null");
    if (halfLife.isZero() || halfLife.isNegative()) {
      throw new IllegalArgumentException("halfLife must be positive, was " + halfLife);
    }
    int minimum = 2 * Category.values().length * RepairStrategy.values().length;
    if (maxEntries < minimum) {
      throw new IllegalArgumentException(
          "maxEntries must be >= " + minimum + ", was " + maxEntries);
    }
    this.halfLife = halfLife;
    this.maxEntries = maxEntries;
  }

  /** Creates empty statistics with {@link #DEFAULT_MAX_ENTRIES}. */
  public RepairStatistics(Duration halfLife) {
    this(halfLife, DEFAULT_MAX_ENTRIES);
  }

  /** Returns the half-life of outcomes. */
  public Duration halfLife() {
    return halfLife;
  }

  /** Records one outcome in its pattern's and its category's statistics. */
  public void record(RepairOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome must not be null");
    update(
        StatsKey.category(outcome.category().wireName(), outcome.strategy()),
        outcome.succeeded(),
        outcome.at());
    StatsKey pattern =
        StatsKey.pattern(outcome.pipeline(), outcome.signature(), outcome.strategy());
    if (entries.containsKey(pattern) || entries.size() < maxEntries) {
      update(pattern, outcome.succeeded(), outcome.at());
    }
  }

  /**
   * Records the outcome of a probe: a rerun of a failure the planner read as uncertain. Counted
   * apart from categories, under {@link #PROBE_KEY} and the strategy. O(1).
   */
  public void recordProbe(RepairStrategy strategy, boolean succeeded, java.time.Instant at) {
    Objects.requireNonNull(strategy, "strategy must not be null");
    Objects.requireNonNull(at, "at must not be null");
    update(StatsKey.category(PROBE_KEY, strategy), succeeded, at);
  }

  /**
   * Returns the decayed probe outcomes of {@code strategy} as {@code {successes, failures}}
   * (weighted) and the raw trial count, {@code {weightedSuccesses, weightedFailures, trials}}.
   * O(1).
   */
  public double[] probeOutcomes(RepairStrategy strategy, java.time.Instant now) {
    StrategyStats st = entries.get(StatsKey.category(PROBE_KEY, strategy));
    if (st == null) {
      return new double[] {0.0, 0.0, 0.0};
    }
    StrategyStats d = st.decayedTo(now, halfLife);
    return new double[] {d.weightedSuccesses(), d.weightedFailures(), st.trials()};
  }

  private void update(StatsKey key, boolean succeeded, java.time.Instant at) {
    entries.merge(
        key,
        StrategyStats.empty(at).plus(succeeded, at, halfLife),
        (old, ignored) -> old.plus(succeeded, at, halfLife));
  }

  /**
   * Estimates how likely {@code strategy} is to fix a failure.
   *
   * @param pipeline the failure's pipeline
   * @param signature the failure's signature
   * @param category the failure's category
   * @param strategy the strategy to estimate
   * @param now the current time, for decay
   */
  public SuccessEstimate estimate(
      String pipeline,
      String signature,
      Category category,
      RepairStrategy strategy,
      java.time.Instant now) {
    return estimate(pipeline, signature, category, category.kind(), strategy, now);
  }

  /**
   * Estimates how likely {@code strategy} is to fix a failure, starting from the taxonomy prior of
   * {@code priorKind} instead of the category's own kind (for a failure whose diagnosis reads it
   * against its category's usual kind). Outcomes are still those of {@code category}. O(1).
   *
   * @param pipeline the failure's pipeline
   * @param signature the failure's signature
   * @param category the failure's category, whose outcomes count
   * @param priorKind the kind whose cold-start prior is used
   * @param strategy the strategy to estimate
   * @param now the current time, for decay
   */
  public SuccessEstimate estimate(
      String pipeline,
      String signature,
      Category category,
      Category.Kind priorKind,
      RepairStrategy strategy,
      java.time.Instant now) {
    Objects.requireNonNull(priorKind, "priorKind must not be null");
    double[] prior = TaxonomyPriors.prior(priorKind, strategy);
    double priorMean = prior[0] / (prior[0] + prior[1]);
    StrategyStats cat = entries.get(StatsKey.category(category.wireName(), strategy));
    double catAlpha = prior[0];
    double catBeta = prior[1];
    if (cat != null) {
      StrategyStats decayed = cat.decayedTo(now, halfLife);
      catAlpha += decayed.weightedSuccesses();
      catBeta += decayed.weightedFailures();
    }
    double catMean = catAlpha / (catAlpha + catBeta);
    StrategyStats pat = entries.get(StatsKey.pattern(pipeline, signature, strategy));
    double alpha = PATTERN_PRIOR_STRENGTH * catMean;
    double beta = PATTERN_PRIOR_STRENGTH * (1.0 - catMean);
    if (pat != null) {
      StrategyStats decayed = pat.decayedTo(now, halfLife);
      alpha += decayed.weightedSuccesses();
      beta += decayed.weightedFailures();
    }
    double mean = alpha / (alpha + beta);
    long patSuccesses = pat == null ? 0 : pat.successes();
    long patTrials = pat == null ? 0 : pat.trials();
    long catSuccesses = cat == null ? 0 : cat.successes();
    long catTrials = cat == null ? 0 : cat.trials();
    String explanation =
        explain(
            strategy,
            category,
            pipeline,
            mean,
            priorMean,
            patSuccesses,
            patTrials,
            catSuccesses,
            catTrials);
    return new SuccessEstimate(
        strategy, mean, patSuccesses, patTrials, catSuccesses, catTrials, priorMean, explanation);
  }

  private static String explain(
      RepairStrategy strategy,
      Category category,
      String pipeline,
      double mean,
      double priorMean,
      long patSuccesses,
      long patTrials,
      long catSuccesses,
      long catTrials) {
    String name = strategy.wireName().replace('_', ' ');
    StringBuilder sb = new StringBuilder(name);
    if (patTrials > 0) {
      sb.append(" has fixed this signature ")
          .append(patSuccesses)
          .append(" of ")
          .append(patTrials)
          .append(patTrials == 1 ? " time" : " times")
          .append(" in ")
          .append(pipeline);
      if (catTrials > patTrials) {
        sb.append(" and ")
            .append(category.wireName())
            .append(" failures ")
            .append(catSuccesses)
            .append(" of ")
            .append(catTrials)
            .append(" times overall");
      }
    } else if (catTrials > 0) {
      sb.append(" has not been tried on this signature; it has fixed ")
          .append(category.wireName())
          .append(" failures ")
          .append(catSuccesses)
          .append(" of ")
          .append(catTrials)
          .append(" times overall");
    } else {
      sb.append(" has no recorded outcomes yet; the taxonomy's starting estimate for ")
          .append(category.wireName())
          .append(" failures is ")
          .append(percent(priorMean));
    }
    sb.append(" (estimated success ").append(percent(mean)).append(')');
    return sb.toString();
  }

  private static String percent(double p) {
    return String.format(Locale.ROOT, "%.0f%%", p * 100.0);
  }

  /** Returns the number of stored statistics. */
  public int size() {
    return entries.size();
  }

  /** Returns a consistent-enough copy of every statistic, sorted, for persistence. */
  public Map<StatsKey, StrategyStats> snapshot() {
    TreeMap<StatsKey, StrategyStats> copy =
        new TreeMap<>(
            java.util.Comparator.comparing(StatsKey::scope)
                .thenComparing(StatsKey::key)
                .thenComparing(StatsKey::strategy));
    copy.putAll(entries);
    return java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * Replaces the statistics with {@code loaded}, for example after {@link RepairStatsStore#load}.
   *
   * @throws IllegalArgumentException if {@code loaded} holds more than {@code maxEntries}
   */
  public void replaceAll(Map<StatsKey, StrategyStats> loaded) {
    if (loaded.size() > maxEntries) {
      throw new IllegalArgumentException(
          "loaded statistics hold " + loaded.size() + " entries, the limit is " + maxEntries);
    }
    entries.clear();
    entries.putAll(loaded);
  }
}
