package io.pipelineguard.diagnosis.knowledge;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.nio.CharBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Answers whether a regex of several top-level alternatives finds a match in a window by running
 * only the alternatives whose required literals the window holds ({@link
 * RequiredLiterals#alternatives}, {@link RequiredLiterals#conjunction}), each compiled on its own
 * (with greedy and lazy repeats swapped, {@link KnowledgeBase#existenceTest}). A big
 * case-insensitive alternation costs RE2/J's matcher in proportion to all its alternatives at every
 * character; one small alternative costs a fraction of that.
 *
 * <p>Immutable and thread-safe. Cost per call: one literal pass over the window per alternative
 * with literals, plus the regex runs of the alternatives that pass.
 */
final class RegexBranches {
  private final Pattern[] branches;
  // per alternative: the literal groups a match of it needs, or null (always run)
  private final LiteralConjunction[] gates;

  private RegexBranches(Pattern[] branches, LiteralConjunction[] gates) {
    this.branches = branches;
    this.gates = gates;
  }

  /** Returns the split of {@code regex}, or empty when it cannot be split (see {@link #find}). */
  static Optional<RegexBranches> of(Pattern regex) {
    List<String> sources = RequiredLiterals.alternatives(regex.pattern()).orElse(null);
    if (sources == null) {
      return Optional.empty();
    }
    Pattern[] branches = new Pattern[sources.size()];
    LiteralConjunction[] gates = new LiteralConjunction[sources.size()];
    for (int b = 0; b < branches.length; b++) {
      try {
        branches[b] = KnowledgeBase.existenceTest(Pattern.compile(sources.get(b), regex.flags()));
      } catch (PatternSyntaxException e) {
        return Optional.empty();
      }
      gates[b] =
          RequiredLiterals.conjunction(sources.get(b))
              .flatMap(groups -> LiteralConjunction.of(groups, null))
              .orElse(null);
    }
    return Optional.of(new RegexBranches(branches, gates));
  }

  /**
   * Whether the regex finds a match in {@code chars[from..to)}: whether one of its alternatives
   * does. With {@code folded} (the window holds U+212A or U+017F, which RE2's case folding maps
   * onto ASCII letters) every alternative runs, whatever its literals.
   */
  boolean find(char[] chars, int from, int to, boolean folded) {
    for (int b = 0; b < branches.length; b++) {
      LiteralConjunction gate = gates[b];
      if (!folded && gate != null && !gate.satisfiedBy(chars, from, to)) {
        continue;
      }
      if (branches[b].matcher(CharBuffer.wrap(chars, from, to - from)).find()) {
        return true;
      }
    }
    return false;
  }
}
