package io.pipelineguard.repair.learning;

import io.pipelineguard.repair.RepairStrategy;
import java.util.Objects;

/**
 * Identifies one learned statistic: a strategy's outcomes for one failure pattern (pipeline and
 * signature) or for one category across all pipelines.
 *
 * @param scope whether {@code key} names a pattern or a category
 * @param key for {@link Scope#PATTERN}, {@code pipeline + "\u001f" + signature}; for {@link
 *     Scope#CATEGORY}, the category's wire name
 * @param strategy the repair strategy whose outcomes are counted
 */
public record StatsKey(Scope scope, String key, RepairStrategy strategy) {
  /** Longest accepted key, in characters. */
  public static final int MAX_KEY_CHARS = 4096;

  /** Whether a statistic is about one pattern or one whole category. */
  public enum Scope {
    /** One failure signature in one pipeline. */
    PATTERN,
    /** All failures of one category, in every pipeline. */
    CATEGORY
  }

  /** Validates the fields. */
  public StatsKey {
    Objects.requireNonNull(scope, "scope must not be null");
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(strategy, "strategy must not be null");
    if (key.isEmpty() || key.length() > MAX_KEY_CHARS) {
      throw new IllegalArgumentException(
          "key must have 1 to " + MAX_KEY_CHARS + " characters, had " + key.length());
    }
  }

  /** Returns the key of a pattern statistic. */
  public static StatsKey pattern(String pipeline, String signature, RepairStrategy strategy) {
    return new StatsKey(Scope.PATTERN, pipeline + '\u001f' + signature, strategy);
  }

  /** Returns the key of a category statistic. */
  public static StatsKey category(String categoryWireName, RepairStrategy strategy) {
    return new StatsKey(Scope.CATEGORY, categoryWireName, strategy);
  }
}
