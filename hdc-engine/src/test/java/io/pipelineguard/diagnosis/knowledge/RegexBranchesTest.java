package io.pipelineguard.diagnosis.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegexBranchesTest {
  @Test
  void splitsOnlyTopLevelAlternativesOfUnflaggedOrWhollyCaseInsensitiveRegexes() {
    assertThat(RequiredLiterals.alternatives("(?i)ab|c(d|e)|[|]f"))
        .contains(List.of("(?i)ab", "(?i)c(d|e)", "(?i)[|]f"));
    assertThat(RequiredLiterals.alternatives("a\\|b|c")).contains(List.of("a\\|b", "c"));
    assertThat(RequiredLiterals.alternatives("ab|(?i)cd")).isEmpty(); // the flag carries on
    assertThat(RequiredLiterals.alternatives("(ab|cd)")).isEmpty(); // one alternative
    assertThat(RequiredLiterals.alternatives("\\pL|x")).isEmpty(); // not understood
  }

  /**
   * For every built-in rule that splits: on seeded random texts made of the rule's pieces, with
   * U+017F / U+212A mixed in, the split answers exactly what the whole regex answers.
   */
  @Test
  void splitAnswersLikeTheWholeRegexOnBuiltInRules() {
    Random random = new Random(5);
    int split = 0;
    int matched = 0;
    for (Indication ind : KnowledgeBase.builtInIndications()) {
      if (ind.regex().isEmpty()) {
        continue;
      }
      Pattern regex = ind.regex().get();
      RegexBranches branches = RegexBranches.of(regex).orElse(null);
      if (branches == null) {
        continue;
      }
      split++;
      List<String> pieces = new ArrayList<>(ind.triggers());
      RequiredLiterals.conjunction(regex.pattern()).ifPresent(g -> g.forEach(pieces::addAll));
      RequiredLiterals.alternatives(regex.pattern()).ifPresent(pieces::addAll);
      for (String part : regex.pattern().split("[|()\\\\?*+\\[\\]]")) {
        if (!part.isEmpty()) {
          pieces.add(part);
        }
      }
      for (int trial = 0; trial < 800; trial++) {
        String text = randomText(random, pieces);
        if (random.nextInt(4) == 0) {
          text = text.replace("s", "\u017f").replace("k", "\u212a");
        }
        boolean found = regex.matcher(text).find();
        matched += found ? 1 : 0;
        char[] chars = ("<<" + text + ">>").toCharArray();
        boolean folded = text.indexOf('\u017f') >= 0 || text.indexOf('\u212a') >= 0;
        assertThat(branches.find(chars, 2, chars.length - 2, folded))
            .as("%s on %s", ind.id(), text)
            .isEqualTo(found);
      }
    }
    assertThat(split).isGreaterThan(30);
    assertThat(matched).isGreaterThan(3000);
  }

  /** Seeded random alternations of random regexes: the split answers like the whole regex. */
  @Test
  void splitAnswersLikeTheWholeRegexOnRandomRegexes() {
    Random random = new Random(17);
    int split = 0;
    int matched = 0;
    for (int r = 0; r < 2000; r++) {
      StringBuilder re = new StringBuilder(random.nextBoolean() ? "(?i)" : "");
      for (int b = 2 + random.nextInt(3); b > 0; b--) {
        re.append(RequiredLiteralsTest.randomRegex(random, 2)).append(b > 1 ? "|" : "");
      }
      Pattern regex;
      try {
        regex = Pattern.compile(re.toString());
      } catch (com.google.re2j.PatternSyntaxException e) {
        continue;
      }
      RegexBranches branches = RegexBranches.of(regex).orElse(null);
      if (branches == null) {
        continue;
      }
      split++;
      for (int t = 0; t < 30; t++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(14); k > 0; k--) {
          text.append("abcABCksKS.- x\u017f\u212a".charAt(random.nextInt(16)));
        }
        boolean found = regex.matcher(text).find();
        matched += found ? 1 : 0;
        char[] chars = text.toString().toCharArray();
        boolean folded = text.indexOf("\u017f") >= 0 || text.indexOf("\u212a") >= 0;
        assertThat(branches.find(chars, 0, chars.length, folded))
            .as("%s on '%s'", re, text)
            .isEqualTo(found);
      }
    }
    assertThat(split).isGreaterThan(500);
    assertThat(matched).isGreaterThan(5000);
  }

  private static String randomText(Random random, List<String> pieces) {
    StringBuilder sb = new StringBuilder();
    for (int p = 1 + random.nextInt(6); p > 0; p--) {
      switch (random.nextInt(4)) {
        case 0 -> sb.append(pieces.get(random.nextInt(pieces.size())));
        case 1 -> sb.append(pieces.get(random.nextInt(pieces.size())).toUpperCase(Locale.ROOT));
        case 2 -> sb.append(random.nextInt(200));
        default -> {
          String alphabet = " :./-_=[]()'\"0123456789abcdefERFSk";
          for (int k = random.nextInt(5); k > 0; k--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
          }
        }
      }
    }
    return sb.toString();
  }
}
