package io.pipelineguard.diagnosis.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowResultsTest {
  @Test
  void remembersAnswersPerRuleAndWindow() {
    WindowResults known = new WindowResults();
    known.put(new WindowResults.Key(3, "0 errors"), true);
    known.put(new WindowResults.Key(4, "0 errors"), false);
    assertThat(known.get(new WindowResults.Key(3, "0 errors"))).isTrue();
    assertThat(known.get(new WindowResults.Key(4, "0 errors"))).isFalse();
    assertThat(known.get(new WindowResults.Key(3, "0 errors "))).isNull();
  }

  @Test
  void holdsAtMostItsBound() {
    WindowResults known = new WindowResults();
    for (int i = 0; i < 3 * WindowResults.MAX_ENTRIES + 5; i++) {
      known.put(new WindowResults.Key(1, "line " + i), i % 2 == 0);
      assertThat(known.size()).isBetween(1, WindowResults.MAX_ENTRIES);
    }
  }

  /**
   * A matcher that remembers regex answers across lines gives, on every line, the same rules as a
   * fresh matcher (which has remembered nothing, so runs every regex the gates let through): seeded
   * lines built from the built-in rules' triggers and literals, each repeated, in random order.
   */
  @Test
  void rememberingMatcherAgreesWithFreshMatcherOnEveryLine() {
    KnowledgeBase kb = KnowledgeBase.builtIn();
    List<String> pieces = new ArrayList<>();
    for (Indication ind : kb.indications()) {
      if (ind.scope() == Indication.Scope.LINE) {
        pieces.addAll(ind.triggers().stream().filter(t -> !t.startsWith("\u0000")).toList());
        ind.regex().flatMap(r -> RequiredLiterals.of(r.pattern())).ifPresent(pieces::addAll);
      }
    }
    Random random = new Random(23);
    List<String> distinct = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      distinct.add(randomLine(random, pieces));
    }
    KnowledgeBase.LineMatcher remembering = kb.newMatcher();
    int withRules = 0;
    for (int i = 0; i < 3000; i++) {
      String line = distinct.get(random.nextInt(distinct.size()));
      char[] chars = line.toCharArray();
      List<String> expected = ids(kb.newMatcher().match(chars, chars.length));
      assertThat(ids(remembering.match(chars, chars.length))).as(line).isEqualTo(expected);
      withRules += expected.isEmpty() ? 0 : 1;
    }
    assertThat(withRules).isGreaterThan(1000);
  }

  private static List<String> ids(List<Indication> matched) {
    return matched.stream().map(Indication::id).toList();
  }

  private static String randomLine(Random random, List<String> pieces) {
    StringBuilder sb = new StringBuilder();
    for (int p = 1 + random.nextInt(6); p > 0; p--) {
      switch (random.nextInt(4)) {
        case 0 -> sb.append(pieces.get(random.nextInt(pieces.size())));
        case 1 -> sb.append(pieces.get(random.nextInt(pieces.size())).toUpperCase(Locale.ROOT));
        case 2 -> sb.append(random.nextInt(200));
        default -> {
          String alphabet = " :./-_=[]()'\"0123456789abcdefERFS";
          for (int k = random.nextInt(8); k > 0; k--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
          }
        }
      }
    }
    return sb.toString();
  }
}
