package io.pipelineguard.diagnosis.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.diagnosis.Category;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeFileTest {
  private static List<Indication> parse(String text) throws IOException {
    return KnowledgeFile.parse(new StringReader(text), "test.ini", Indication.Source.USER);
  }

  @Test
  void parsesSectionsWithTriggersRegexAndOverride() throws IOException {
    List<Indication> list =
        parse(
            "# comment\n[my.rule]\ncategory = network\nweight = 2.5  # strong\n"
                + "trigger = Proxy Refused | gateway\nregex = (?i)proxy refused\ntransient = true\n");
    assertThat(list).hasSize(1);
    Indication i = list.get(0);
    assertThat(i.id()).isEqualTo("my.rule");
    assertThat(i.category()).contains(Category.NETWORK);
    assertThat(i.weight()).isEqualTo(2.5);
    assertThat(i.triggers()).containsExactly("proxy refused", "gateway");
    assertThat(i.transientOverride()).contains(true);
  }

  @Test
  void rejectsMalformedFilesWithLocation() {
    assertThatThrownBy(() -> parse("[a]\ncategory = nonsense\ntrigger = x\n"))
        .isInstanceOf(KnowledgeFormatException.class)
        .hasMessageContaining("test.ini:1")
        .hasMessageContaining("unknown category");
    assertThatThrownBy(() -> parse("[a]\ncategory = network\n"))
        .hasMessageContaining("needs a 'trigger' or a 'regex'");
    assertThatThrownBy(() -> parse("[a]\ncategory = network\ntrigger = x\nregex = (unclosed\n"))
        .hasMessageContaining("invalid regex");
    assertThatThrownBy(() -> parse("category = network\n")).hasMessageContaining("[section]");
  }

  @Test
  void builtInKnowledgeLoadsAndCoversEveryCategoryButUnknown() {
    List<Indication> builtIn = KnowledgeBase.builtInIndications();
    for (Category c : Category.values()) {
      if (c != Category.UNKNOWN) {
        assertThat(builtIn).anyMatch(i -> i.category().equals(java.util.Optional.of(c)));
      }
    }
  }

  @Test
  void matcherRunsRegexOnlyAsRefinement() throws IOException {
    KnowledgeBase kb =
        KnowledgeBase.of(
            parse(
                "[a]\ncategory = network\ntrigger = refused\nregex = connection refused\n"
                    + "[b]\ncategory = none\nregex = ^boom$\n"));
    KnowledgeBase.LineMatcher m = kb.newMatcher();
    char[] hit = "connect: connection refused".toCharArray();
    assertThat(m.match(hit, hit.length)).extracting(Indication::id).containsExactly("a");
    char[] miss = "the offer was refused".toCharArray();
    assertThat(m.match(miss, miss.length)).isEmpty();
    char[] always = "boom".toCharArray();
    assertThat(m.match(always, always.length)).extracting(Indication::id).containsExactly("b");
  }
}
