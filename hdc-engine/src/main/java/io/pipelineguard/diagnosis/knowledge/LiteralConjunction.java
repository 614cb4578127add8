package io.pipelineguard.diagnosis.knowledge;

import io.pipelineguard.diagnosis.log.KeywordScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tests, in one pass over a window, whether it holds (ASCII case-insensitively) at least one
 * literal of each of up to 64 groups: the conjunction {@link RequiredLiterals#conjunction} derives
 * for a regex. All groups' literals share one substring automaton; each literal carries the bits of
 * the groups it belongs to.
 *
 * <p>Immutable and thread-safe. Cost: one automaton step per character of the window, stopping once
 * every group is satisfied.
 */
final class LiteralConjunction {
  private final KeywordScanner scanner;
  private final long[] masks;
  private final long goal;

  private LiteralConjunction(KeywordScanner scanner, long[] masks, long goal) {
    this.scanner = scanner;
    this.masks = masks;
    this.goal = goal;
  }

  /**
   * Returns the conjunction of {@code groups} (each non-empty, of non-empty literals) less those
   * equal to {@code already} (checked elsewhere), keeping the first 64; empty when no group is left
   * or the literals do not fit one scanner.
   */
  static Optional<LiteralConjunction> of(List<List<String>> groups, List<String> already) {
    Map<String, Long> bits = new LinkedHashMap<>();
    long goal = 0;
    int bit = 0;
    for (List<String> group : groups) {
      if (bit == Long.SIZE) {
        break; // a subset of required groups is still required
      }
      if (group.isEmpty()
          || already != null && new HashSet<>(group).equals(new HashSet<>(already))) {
        continue;
      }
      long b = 1L << bit++;
      goal |= b;
      for (String literal : group) {
        bits.merge(literal, b, (x, y) -> x | y);
      }
    }
    if (goal == 0) {
      return Optional.empty();
    }
    List<String> literals = new ArrayList<>(bits.keySet());
    long[] masks = new long[literals.size()];
    for (int i = 0; i < masks.length; i++) {
      masks[i] = bits.get(literals.get(i));
    }
    try {
      return Optional.of(new LiteralConjunction(KeywordScanner.substrings(literals), masks, goal));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // too many distinct characters for one scanner
    }
  }

  /** Whether {@code chars[from..to)} holds a literal of every group. */
  boolean satisfiedBy(char[] chars, int from, int to) {
    return (scanner.unionOfMasks(chars, from, to, masks, goal) & goal) == goal;
  }

  /** Number of groups tested. */
  int groups() {
    return Long.bitCount(goal);
  }
}
