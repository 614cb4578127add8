package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.knowledge.Indication;
import io.pipelineguard.diagnosis.knowledge.KnowledgeFile;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the administrator's {@link UserRule}s into the engine's {@link Indication}s. Each rule's
 * RE2/J pattern is used as written (compiled by the same {@code com.google.re2j}), with no trigger
 * prefilter, so it is tried on every cleaned log line as a regex-only section of a knowledge file
 * would be. Pure function; cost linear in the number of rules.
 */
final class UserRuleIndications {
  /**
   * Weight of a rule's match: above every built-in sign (at most 5), so an administrator's rule
   * outvotes the built-in knowledge on the lines it matches.
   */
  static final double USER_RULE_WEIGHT = 10;

  /** Prefix of an indication id made from a rule; explanations name it. */
  static final String ID_PREFIX = "jenkins-rule.";

  /** The engine's "no trigger: run the regex on every line" trigger list, as a file parses it. */
  private static final List<String> EVERY_LINE = everyLineTriggers();

  private UserRuleIndications() {}

  /** Returns one indication per rule, in the rules' order. */
  static List<Indication> of(List<UserRule> rules) {
    List<Indication> out = new ArrayList<>(rules.size());
    for (UserRule r : rules) {
      out.add(
          new Indication(
              ID_PREFIX + r.name(),
              Optional.of(r.category()),
              USER_RULE_WEIGHT,
              EVERY_LINE,
              Optional.of(UserRule.compile(r.pattern())),
              Optional.empty(),
              Indication.Source.USER));
    }
    return out;
  }

  private static List<String> everyLineTriggers() {
    String section = "[probe]\ncategory = none\nregex = x\n";
    try {
      return KnowledgeFile.parse(new StringReader(section), "probe", Indication.Source.USER)
          .get(0)
          .triggers();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
