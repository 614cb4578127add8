package io.pipelineguard.diagnosis.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.diagnosis.Category;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandScopeTest {
  private static final String RULES =
      "[cmd.lint]\ncategory = quality_gate\nweight = 2\nscope = command\ntrigger = lint\n"
          + "[line.refused]\ncategory = network\nweight = 3\ntrigger = connection refused\n";

  private static KnowledgeBase kb() throws IOException {
    return KnowledgeBase.of(
        KnowledgeFile.parse(new StringReader(RULES), "t.ini", Indication.Source.USER));
  }

  @Test
  void commandRulesMatchOnlyTheCommand() throws IOException {
    KnowledgeBase kb = kb();
    assertThat(kb.matchCommand("npm run lint -- --max-warnings 0"))
        .extracting(Indication::id)
        .containsExactly("cmd.lint");
    assertThat(kb.matchCommand("npm run unlinted")).isEmpty();
    assertThat(kb.matchCommand("")).isEmpty();
    char[] line = "running lint now".toCharArray();
    assertThat(kb.newMatcher().match(line, line.length)).isEmpty();
    char[] refused = "Connection refused by host".toCharArray();
    assertThat(kb.newMatcher().match(refused, refused.length))
        .extracting(Indication::category)
        .containsExactly(java.util.Optional.of(Category.NETWORK));
    assertThat(kb.indications()).hasSize(2);
  }

  @Test
  void rejectsUnknownScope() {
    assertThatThrownBy(
            () ->
                KnowledgeFile.parse(
                    new StringReader("[a]\ncategory = network\ntrigger = x\nscope = file\n"),
                    "t.ini",
                    Indication.Source.USER))
        .isInstanceOf(KnowledgeFormatException.class)
        .hasMessageContaining("scope");
  }

  @Test
  void builtInKnowledgeHasCommandRules() {
    List<Indication> built = KnowledgeBase.builtInIndications();
    assertThat(built).anyMatch(i -> i.scope() == Indication.Scope.COMMAND);
    assertThat(KnowledgeBase.builtIn().matchCommand("bundle exec rubocop"))
        .extracting(i -> i.category().orElseThrow())
        .contains(Category.QUALITY_GATE);
  }

  @Test
  void regexSeesAWindowAroundTheTriggerSoAnchorsWorkNearTheStart() throws IOException {
    KnowledgeBase kb =
        KnowledgeBase.of(
            KnowledgeFile.parse(
                new StringReader(
                    "[t.fail]\ncategory = test_failure\ntrigger = ^fail\nregex = ^FAIL +[a-z]\n"
                        + "[t.far]\ncategory = network\ntrigger = refused\n"
                        + "regex = peer refused\n"),
                "t.ini",
                Indication.Source.USER));
    char[] a = "FAIL widget_test".toCharArray();
    assertThat(kb.newMatcher().match(a, a.length)).extracting(Indication::id).contains("t.fail");
    char[] b = ("x".repeat(3000) + " peer refused").toCharArray();
    assertThat(kb.newMatcher().match(b, b.length)).extracting(Indication::id).contains("t.far");
    char[] c = "the FAIL widget".toCharArray();
    assertThat(kb.newMatcher().match(c, c.length)).isEmpty();
  }
}
