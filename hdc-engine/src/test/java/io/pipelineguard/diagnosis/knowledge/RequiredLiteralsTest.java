package io.pipelineguard.diagnosis.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {
  @Test
  void concatenationRequiresItsLongestRun() {
    assertThat(RequiredLiterals.of("\\*\\*\\* .*Error [0-9]+").get())
        .hasSize(10)
        .contains("error 0", "error 9");
    assertThat(RequiredLiterals.of("(?i)fatal error: .*(file not found|no such file)"))
        .contains(List.of("fatal error: "));
  }

  @Test
  void alternationRequiresOneOfItsBranches() {
    assertThat(RequiredLiterals.of("(?i)compilation (error|failure)|maven-compiler-plugin"))
        .contains(List.of("compilation error", "compilation failure", "maven-compiler-plugin"));
    assertThat(RequiredLiterals.of("a(bcd|ef)g")).contains(List.of("abcdg", "aefg"));
  }

  @Test
  void optionalPartsRequireNothing() {
    assertThat(RequiredLiterals.of("errors?")).contains(List.of("errors", "error"));
    assertThat(RequiredLiterals.of("x+yz")).contains(List.of("yz"));
    assertThat(RequiredLiterals.of("(abc)?d")).contains(List.of("abcd", "d"));
    assertThat(RequiredLiterals.of("(abc)*")).isEmpty();
    assertThat(RequiredLiterals.of("abc|[a-z]+")).isEmpty(); // a branch without a literal
    assertThat(RequiredLiterals.of("ab{0,2}")).contains(List.of("a"));
  }

  @Test
  void unsupportedConstructsGiveNoAnswer() {
    assertThat(RequiredLiterals.of("\\Qa.b\\E")).isEmpty();
    assertThat(RequiredLiterals.of("\\x41bc")).isEmpty();
    assertThat(RequiredLiterals.of("\\p{L}+abc")).isEmpty();
    assertThat(RequiredLiterals.of("ab{x}")).isEmpty();
    assertThat(RequiredLiterals.of("[^0-9]")).isEmpty();
    assertThat(RequiredLiterals.of("[a-z]+")).isEmpty();
  }

  @Test
  void classesEscapesAndNonAsciiEndARun() {
    assertThat(RequiredLiterals.of("ab[]x]cd")).contains(List.of("ab]cd", "abxcd"));
    assertThat(RequiredLiterals.of("ab[^x]cd")).contains(List.of("ab"));
    assertThat(RequiredLiterals.of("\\.(java|kt):[\\[(][0-9]"))
        .contains(List.of(".java:[", ".java:(", ".kt:[", ".kt:(")); // x 10 digits: too many
    assertThat(RequiredLiterals.of("foo\\.bar\\dbaz")).contains(List.of("foo.bar"));
    assertThat(RequiredLiterals.of("❌ build")).contains(List.of(" build"));
    assertThat(RequiredLiterals.of("(?P<n>abc)de")).contains(List.of("abcde"));
  }

  /**
   * The property the scan relies on: for every built-in line rule, no text the regex finds a match
   * in lacks all of its required literals (ASCII case-insensitively). Texts are seeded random mixes
   * of the rule's own literals, its triggers, fragments of its regex and random characters.
   */
  @Test
  void noBuiltInRegexMatchesTextWithoutItsLiterals() {
    Random random = new Random(42);
    int matched = 0;
    for (Indication ind : KnowledgeBase.builtInIndications()) {
      if (ind.regex().isEmpty()) {
        continue;
      }
      Pattern regex = ind.regex().get();
      List<String> literals = RequiredLiterals.of(regex.pattern()).orElse(null);
      if (literals == null) {
        continue;
      }
      List<String> pieces = new ArrayList<>(literals);
      pieces.addAll(ind.triggers());
      for (String part : regex.pattern().split("[|()\\\\?*+\\[\\]]")) {
        if (!part.isEmpty()) {
          pieces.add(part);
        }
      }
      for (int trial = 0; trial < 1000; trial++) {
        String text = randomText(random, pieces);
        if (regex.matcher(text).find()) {
          matched++;
          String lower = text.toLowerCase(java.util.Locale.ROOT);
          assertThat(literals.stream().anyMatch(lower::contains))
              .as("%s matches %s without any of %s", ind.id(), text, literals)
              .isTrue();
        }
      }
    }
    assertThat(matched).as("the random texts must exercise the regexes").isGreaterThan(500);
  }

  /**
   * The knowledge base's gate in front of each regex ({@link KnowledgeBase#regexMayMatch}) lets
   * through every window the regex finds a match in, also with non-ASCII characters that RE2's case
   * folding maps onto ASCII letters (U+017F long s, U+212A Kelvin sign).
   */
  @Test
  void regexGateNeverHidesAMatch() {
    KnowledgeBase kb = KnowledgeBase.builtIn();
    List<Indication> lineRules =
        kb.indications().stream().filter(i -> i.scope() == Indication.Scope.LINE).toList();
    Random random = new Random(7);
    int matched = 0;
    for (int idx = 0; idx < lineRules.size(); idx++) {
      Indication ind = lineRules.get(idx);
      if (ind.regex().isEmpty()) {
        continue;
      }
      List<String> pieces = new ArrayList<>(ind.triggers());
      pieces.addAll(RequiredLiterals.of(ind.regex().get().pattern()).orElse(List.of("x")));
      RequiredLiterals.conjunction(ind.regex().get().pattern())
          .ifPresent(g -> g.forEach(pieces::addAll));
      pieces.add("\u017f");
      pieces.add("\u212a");
      for (int trial = 0; trial < 600; trial++) {
        String text =
            randomText(random, pieces)
                .replace("s", random.nextBoolean() ? "s" : "\u017f")
                .replace("k", random.nextInt(3) > 0 ? "k" : "\u212a");
        char[] chars = text.toCharArray();
        if (ind.regex().get().matcher(text).find()) {
          matched++;
          assertThat(kb.regexMayMatch(idx, chars, 0, chars.length))
              .as(ind.id() + ": " + text)
              .isTrue();
        }
      }
    }
    assertThat(matched).isGreaterThan(100);
  }

  @Test
  void caseFoldedNonAsciiTextStillReachesTheRegex() throws java.io.IOException {
    KnowledgeBase kb =
        KnowledgeBase.of(
            KnowledgeFile.parse(
                new java.io.StringReader(
                    "[r]\ncategory = resource\nweight = 2\ntrigger = error\n"
                        + "regex = (?i)error.*disk full\n"),
                "t.ini",
                Indication.Source.USER));
    String folded = "error: di\u017fk full"; // RE2 folds the long s onto s under (?i)
    char[] chars = folded.toCharArray();
    boolean regexFinds = kb.indications().get(0).regex().get().matcher(folded).find();
    assertThat(kb.newMatcher().match(chars, chars.length).isEmpty()).isEqualTo(!regexFinds);
    char[] plain = "error: no space on disc".toCharArray();
    assertThat(kb.regexMayMatch(0, plain, 0, plain.length)).isFalse();
  }

  @Test
  void sufficientLiteralsAreWholeAlternativesOfCaseInsensitiveRegexes() {
    assertThat(RequiredLiterals.sufficient("(?i)no errors?|^killed$|a.*b|exit (code|status)"))
        .contains(List.of("no errors", "no error", "exit code", "exit status"));
    assertThat(RequiredLiterals.sufficient("no errors")).isEmpty(); // case-sensitive
    assertThat(RequiredLiterals.sufficient("(?i)a(?-i)b")).isEmpty(); // other flags
    assertThat(RequiredLiterals.sufficient("(?i)^a$|b+")).isEmpty();
  }

  /**
   * For every built-in rule with sufficient literals: any text holding one of them (in any ASCII
   * case, among seeded random noise) is matched by the regex.
   */
  @Test
  void sufficientLiteralsOfBuiltInRulesAlwaysMatch() {
    Random random = new Random(11);
    int checked = 0;
    for (Indication ind : KnowledgeBase.builtInIndications()) {
      if (ind.regex().isEmpty()) {
        continue;
      }
      List<String> enough = RequiredLiterals.sufficient(ind.regex().get().pattern()).orElse(null);
      if (enough == null) {
        continue;
      }
      List<String> noise = List.of("x", " ", "0", "error", ":", "-");
      for (String literal : enough) {
        for (int trial = 0; trial < 5; trial++) {
          StringBuilder sb = new StringBuilder();
          for (int k = random.nextInt(3); k > 0; k--) {
            sb.append(noise.get(random.nextInt(noise.size())));
          }
          for (char c : literal.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
          }
          for (int k = random.nextInt(3); k > 0; k--) {
            sb.append(noise.get(random.nextInt(noise.size())));
          }
          checked++;
          assertThat(ind.regex().get().matcher(sb).find()).as(ind.id() + ": " + sb).isTrue();
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void conjunctionRequiresEveryRunAndGroupOfAConcatenation() {
    assertThat(RequiredLiterals.conjunction("(?i)deploy.*failed"))
        .contains(List.of(List.of("deploy"), List.of("failed")));
    assertThat(RequiredLiterals.conjunction("a+(bc|de)[0-9]*x(fg)?"))
        .contains(List.of(List.of("a"), List.of("bc", "de"), List.of("xfg", "x")));
    assertThat(RequiredLiterals.conjunction("(ab.*cd)?ef")).contains(List.of(List.of("ef")));
  }

  @Test
  void conjunctionOfAnAlternationCrossesItsBranches() {
    assertThat(RequiredLiterals.conjunction("ab.*cd|ef"))
        .contains(List.of(List.of("ab", "ef"), List.of("cd", "ef")));
    assertThat(RequiredLiterals.conjunction("x(ab.*cd|ef.*gh)y").get())
        .contains(
            List.of("x"),
            List.of("y"),
            List.of("ab", "ef"),
            List.of("ab", "gh"),
            List.of("cd", "ef"),
            List.of("cd", "gh"));
    assertThat(RequiredLiterals.conjunction("ab.*cd|[a-z]+")).isEmpty(); // a branch needs nothing
    // 65 choices: only the union of the branches' best literals
    String wide = "a1.*b1|c1.*d1.*e1|f1.*g1.*h1|i1.*j1.*k1|l1.*m1.*n1.*o1.*p1";
    assertThat(RequiredLiterals.conjunction(wide).get()).hasSize(1);
    assertThat(RequiredLiterals.conjunction("\\Qab\\E.*cd")).isEmpty();
  }

  /**
   * Seeded random regexes over a small alphabet (concatenations, alternations, groups, repeats,
   * classes, anchors, escapes, flags) against random texts: every text a regex finds a match in
   * holds a literal of each group of its conjunction, ASCII case-insensitively.
   */
  @Test
  void randomRegexesNeverMatchTextMissingAGroupOfTheirConjunction() {
    Random random = new Random(2024);
    int matched = 0;
    int strict = 0;
    for (int r = 0; r < 3000; r++) {
      String re = (random.nextInt(3) == 0 ? "(?i)" : "") + randomRegex(random, 3);
      Pattern regex;
      try {
        regex = Pattern.compile(re);
      } catch (com.google.re2j.PatternSyntaxException e) {
        continue;
      }
      List<List<String>> groups = RequiredLiterals.conjunction(re).orElse(null);
      if (groups == null) {
        continue;
      }
      strict += groups.size() > 1 ? 1 : 0;
      for (int t = 0; t < 40; t++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(14); k > 0; k--) {
          text.append("abcABCksKS.- x\u017f\u212a".charAt(random.nextInt(16)));
        }
        if (!regex.matcher(text).find()) {
          continue;
        }
        matched++;
        String lower = text.toString().toLowerCase(java.util.Locale.ROOT);
        if (text.indexOf("\u017f") >= 0 || text.indexOf("\u212a") >= 0) {
          continue; // the gate lets these through whatever the literals say
        }
        for (List<String> group : groups) {
          assertThat(group.stream().anyMatch(lower::contains))
              .as("%s matches '%s' without any of %s", re, text, group)
              .isTrue();
        }
      }
    }
    assertThat(matched).isGreaterThan(2000);
    assertThat(strict).as("regexes with more than one group").isGreaterThan(300);
  }

  /**
   * The swapped-greediness variant the knowledge base runs ({@link KnowledgeBase#existenceTest})
   * finds a match in exactly the texts the original does: seeded random regexes and texts, and the
   * built-in rules on texts made of their own pieces.
   */
  @Test
  void existenceTestAgreesWithTheRegex() {
    Random random = new Random(99);
    int matched = 0;
    for (int r = 0; r < 2000; r++) {
      String re = (random.nextInt(3) == 0 ? "(?i)" : "") + randomRegex(random, 3);
      Pattern regex;
      try {
        regex = Pattern.compile(re);
      } catch (com.google.re2j.PatternSyntaxException e) {
        continue;
      }
      Pattern existence = KnowledgeBase.existenceTest(regex);
      for (int t = 0; t < 30; t++) {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(14); k > 0; k--) {
          text.append("abcABCksKS.- x\u017f\u212a".charAt(random.nextInt(16)));
        }
        boolean found = regex.matcher(text).find();
        matched += found ? 1 : 0;
        assertThat(existence.matcher(text).find()).as("%s on '%s'", re, text).isEqualTo(found);
      }
    }
    for (Indication ind : KnowledgeBase.builtInIndications()) {
      if (ind.regex().isEmpty()) {
        continue;
      }
      Pattern regex = ind.regex().get();
      Pattern existence = KnowledgeBase.existenceTest(regex);
      List<String> pieces = new ArrayList<>(ind.triggers());
      RequiredLiterals.conjunction(regex.pattern()).ifPresent(g -> g.forEach(pieces::addAll));
      for (String part : regex.pattern().split("[|()\\\\?*+\\[\\]]")) {
        if (!part.isEmpty()) {
          pieces.add(part);
        }
      }
      for (int trial = 0; trial < 300; trial++) {
        String text = randomText(random, pieces);
        boolean found = regex.matcher(text).find();
        matched += found ? 1 : 0;
        assertThat(existence.matcher(text).find()).as("%s on %s", ind.id(), text).isEqualTo(found);
      }
    }
    assertThat(matched).isGreaterThan(5000);
  }

  static String randomRegex(Random random, int depth) {
    StringBuilder sb = new StringBuilder();
    int branches = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
    for (int b = 0; b < branches; b++) {
      if (b > 0) {
        sb.append('|');
      }
      for (int n = 1 + random.nextInt(4); n > 0; n--) {
        int kind = random.nextInt(depth > 0 ? 11 : 9);
        switch (kind) {
          case 0, 1, 2, 3 -> sb.append("abcABksK x".charAt(random.nextInt(10)));
          case 4 ->
              sb.append(random.nextBoolean() ? "[ab]" : random.nextBoolean() ? "[^a]" : "[a-c]");
          case 5 -> sb.append(random.nextBoolean() ? "." : "\\.");
          case 6 -> sb.append(random.nextBoolean() ? "^" : "$");
          case 7 -> sb.append(random.nextBoolean() ? "\\b" : "(?i)");
          case 8 -> sb.append("\\s");
          default -> sb.append('(').append(randomRegex(random, depth - 1)).append(')');
        }
        switch (random.nextInt(8)) {
          case 0 -> sb.append('?');
          case 1 -> sb.append('*');
          case 2 -> sb.append('+');
          case 3 -> sb.append(random.nextBoolean() ? "{1}" : "{0,2}");
          default -> {}
        }
      }
    }
    return sb.toString();
  }

  /**
   * For every built-in line rule: no text the regex finds a match in lacks all literals of one of
   * the groups of its conjunction. Texts mix the groups' literals, the triggers, fragments of the
   * regex and random characters (seeded).
   */
  @Test
  void noBuiltInRegexMatchesTextMissingAGroupOfItsConjunction() {
    Random random = new Random(43);
    int matched = 0;
    for (Indication ind : KnowledgeBase.builtInIndications()) {
      if (ind.regex().isEmpty()) {
        continue;
      }
      Pattern regex = ind.regex().get();
      List<List<String>> groups = RequiredLiterals.conjunction(regex.pattern()).orElse(null);
      if (groups == null) {
        continue;
      }
      List<String> pieces = new ArrayList<>(ind.triggers());
      groups.forEach(pieces::addAll);
      for (String part : regex.pattern().split("[|()\\\\?*+\\[\\]]")) {
        if (!part.isEmpty()) {
          pieces.add(part);
        }
      }
      for (int trial = 0; trial < 1500; trial++) {
        String text = randomText(random, pieces);
        if (regex.matcher(text).find()) {
          matched++;
          String lower = text.toLowerCase(java.util.Locale.ROOT);
          for (List<String> group : groups) {
            assertThat(group.stream().anyMatch(lower::contains))
                .as("%s matches %s without any of %s", ind.id(), text, group)
                .isTrue();
          }
        }
      }
    }
    assertThat(matched).as("the random texts must exercise the regexes").isGreaterThan(1000);
  }

  private static String randomText(Random random, List<String> pieces) {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + random.nextInt(6);
    for (int p = 0; p < parts; p++) {
      switch (random.nextInt(4)) {
        case 0 -> sb.append(pieces.get(random.nextInt(pieces.size())));
        case 1 -> {
          String piece = pieces.get(random.nextInt(pieces.size()));
          sb.append(random.nextBoolean() ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
        }
        case 2 -> sb.append(random.nextInt(200));
        default -> {
          String alphabet = " :./-_=[]()'\"0123456789abcdefERFS";
          for (int k = random.nextInt(5); k > 0; k--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
          }
        }
      }
    }
    return sb.toString();
  }
}
