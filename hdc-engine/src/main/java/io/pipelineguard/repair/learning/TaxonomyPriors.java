package io.pipelineguard.repair.learning;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.repair.RepairStrategy;

/**
 * Cold-start beliefs from the taxonomy: before any outcome is seen, how likely each strategy is to
 * fix a failure of each category, as Beta pseudo-counts. Kept weak (a few pseudo-outcomes) so that
 * a handful of real outcomes outweigh them.
 *
 * <ul>
 *   <li>transient categories: a first retry fixes about 4 in 5 (Beta(4, 1)); a clean retry, which
 *       the ladder reaches only after a retry failed, about 2 in 3 (Beta(2, 1));
 *   <li>mixed categories ({@code dependency}, {@code deployment}): even odds (Beta(1, 1));
 *   <li>deterministic categories: 1 in 10 (Beta(1, 9));
 *   <li>unknown: even odds (Beta(1, 1));
 *   <li>rollback: 4 in 5 for every category (it redeploys a version that worked).
 * </ul>
 */
public final class TaxonomyPriors {
  private TaxonomyPriors() {}

  /**
   * Returns the prior pseudo-counts {@code {alpha, beta}} (successes, failures) of {@code strategy}
   * on failures of {@code category}.
   */
  public static double[] prior(Category category, RepairStrategy strategy) {
    return prior(category.kind(), strategy);
  }

  /**
   * Returns the prior pseudo-counts {@code {alpha, beta}} of {@code strategy} on failures of a
   * category of {@code kind}; the planner passes {@code TRANSIENT} for a failure its diagnosis
   * calls transient against its category's usual kind.
   */
  public static double[] prior(Category.Kind kind, RepairStrategy strategy) {
    if (strategy == RepairStrategy.ROLLBACK) {
      return new double[] {4.0, 1.0};
    }
    if (!strategy.isRerun()) {
      return new double[] {1.0, 1.0};
    }
    switch (kind) {
      case TRANSIENT:
        if (strategy == RepairStrategy.CLEAN_RETRY) {
          return new double[] {2.0, 1.0};
        }
        return new double[] {4.0, 1.0};
      case DETERMINISTIC:
        return new double[] {1.0, 9.0};
      case MIXED:
      case UNKNOWN:
      default:
        return new double[] {1.0, 1.0};
    }
  }
}
