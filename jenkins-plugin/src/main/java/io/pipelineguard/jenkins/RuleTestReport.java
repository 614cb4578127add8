package io.pipelineguard.jenkins;

import java.util.List;

/** Words the result of testing a rule against pasted text. */
final class RuleTestReport {
  private RuleTestReport() {}

  /** Returns e.g. {@code matches on lines 3, 7} or {@code no match}. */
  static String format(List<Integer> lines) {
    if (lines.isEmpty()) {
      return "no match";
    }
    StringBuilder sb =
        new StringBuilder(lines.size() == 1 ? "matches on line " : "matches on lines ");
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(lines.get(i));
    }
    if (lines.size() == UserRule.MAX_REPORTED_MATCHES) {
      sb.append(" (first ").append(UserRule.MAX_REPORTED_MATCHES).append(" shown)");
    }
    return sb.toString();
  }
}
