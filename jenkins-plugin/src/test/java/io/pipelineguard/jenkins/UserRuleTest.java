package io.pipelineguard.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.diagnosis.Category;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserRuleTest {
  @TempDir Path dir;

  @Test
  void testReportsMatchingLines() {
    UserRule rule = new UserRule("dns", Category.NETWORK, "(?i)could not resolve host");
    assertThat(rule.test("ok\nCould not resolve host: x\nok\ncould not resolve host"))
        .containsExactly(2, 4);
    assertThat(RuleTestReport.format(List.of(2, 4))).isEqualTo("matches on lines 2, 4");
    assertThat(RuleTestReport.format(List.of())).isEqualTo("no match");
  }

  @Test
  void invalidPatternsAndNamesAreRejectedWithTheReason() {
    assertThatThrownBy(() -> new UserRule("x", Category.NETWORK, "(a"))
        .hasMessageStartingWith("pattern is not valid RE2 syntax");
    assertThatThrownBy(() -> new UserRule("x", Category.NETWORK, "(a)\\1"))
        .hasMessageStartingWith("pattern is not valid RE2 syntax");
    assertThatThrownBy(() -> new UserRule("bad name", Category.NETWORK, "a"))
        .hasMessageContaining("rule name must be");
    assertThatThrownBy(
            () ->
                new UserRule("x", Category.NETWORK, "a")
                    .test("a".repeat(UserRule.MAX_TEST_CHARS + 1)))
        .hasMessageContaining("text must be at most");
  }

  @Test
  void rulesPersistAcrossReloadsAndRemoval() {
    UserRules rules = new UserRules(dir);
    rules.put(new UserRule("oom", Category.RESOURCE, "OutOfMemoryError"));
    UserRules reloaded = new UserRules(dir);

    assertThat(reloaded.all())
        .singleElement()
        .satisfies(r -> assertThat(r.category()).isEqualTo(Category.RESOURCE));
    assertThat(reloaded.remove("oom")).isTrue();
    assertThat(new UserRules(dir).all()).isEmpty();
  }
}
