package io.pipelineguard.jenkins;

import io.pipelineguard.repair.RepairPlanner;
import io.pipelineguard.repair.RepairPolicy;
import io.pipelineguard.repair.RepairStrategy;
import io.pipelineguard.repair.learning.RepairStatistics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@link RepairPlanner} per distinct guard policy (policy name, {@code maxAttempts}, reruns
 * allowed or not), all sharing one {@link RepairStatistics}, so learning is common while each
 * block's caps are its own. At most {@link #MAX_PLANNERS} are kept (least recently used dropped; a
 * dropped planner's in-memory rails are lost, the statistics are not). Thread-safe.
 *
 * <p>A block's named policy (see {@link GuardPolicies}) is the base; the block's {@code
 * maxAttempts} can only lower its cap, and {@code neverRetry} gives a ladder without reruns.
 */
final class GuardPlanners {
  /** Most planners kept at once. */
  static final int MAX_PLANNERS = 64;

  private record Key(RepairPolicy policy, int maxAttempts, boolean reruns) {}

  private final RepairStatistics statistics;
  private final Clock clock;
  private final Map<Key, RepairPlanner> planners =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, RepairPlanner> eldest) {
          return size() > MAX_PLANNERS;
        }
      };

  GuardPlanners(RepairStatistics statistics, Clock clock) {
    this.statistics = Objects.requireNonNull(statistics, "statistics must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /** Returns the statistics all planners share. */
  RepairStatistics statistics() {
    return statistics;
  }

  /**
   * Returns the planner for a block.
   *
   * @param policy the block's named policy, resolved
   * @param maxAttempts the block's attempt cap, 1..10; the policy's own cap applies if lower
   * @param reruns false when the diagnosed category is one the block never retries
   */
  synchronized RepairPlanner forBlock(RepairPolicy policy, int maxAttempts, boolean reruns) {
    return planners.computeIfAbsent(
        new Key(policy, maxAttempts, reruns),
        k -> new RepairPlanner(policyFor(k), statistics, clock));
  }

  private static RepairPolicy policyFor(Key k) {
    RepairPolicy.Builder b =
        RepairPolicy.from(k.policy())
            .maxAttempts(Math.min(k.maxAttempts(), k.policy().maxAttempts()));
    if (!k.reruns()) {
      b.ladder(List.of(RepairStrategy.ROLLBACK));
    }
    return b.build();
  }
}
