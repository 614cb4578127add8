package io.pipelineguard.jenkins;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.pipelineguard.diagnosis.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A failure rule an administrator adds on the management page: lines matching {@code pattern} (RE2
 * syntax, linear time, so a pasted pattern can never hang the controller) mean {@code category}.
 *
 * @param name a short unique name (letters, digits, '-', '_', '.')
 * @param category the category a match means
 * @param pattern the RE2 pattern, at most {@value #MAX_PATTERN_CHARS} characters
 */
public record UserRule(String name, Category category, String pattern) {
  /** Longest accepted pattern. */
  public static final int MAX_PATTERN_CHARS = 1_000;

  /** Longest text accepted by {@link #test}. */
  public static final int MAX_TEST_CHARS = 256 * 1024;

  /** Most matching lines {@link #test} reports. */
  public static final int MAX_REPORTED_MATCHES = 20;

  /** Validates the fields; the pattern must compile. */
  public UserRule {
    Objects.requireNonNull(category, "category must not be null");
    if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(
          "rule name must be 1-64 letters, digits, '-', '_' or '.', was '" + name + "'");
    }
    compile(pattern);
  }

  /** Compiles an RE2 pattern, with a message naming the rule's problem. */
  static Pattern compile(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      throw new IllegalArgumentException("pattern must not be empty");
    }
    if (pattern.length() > MAX_PATTERN_CHARS) {
      throw new IllegalArgumentException(
          "pattern must be at most " + MAX_PATTERN_CHARS + " characters, was " + pattern.length());
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("pattern is not valid RE2 syntax: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the 1-based numbers of the lines of {@code text} the pattern finds, at most {@link
   * #MAX_REPORTED_MATCHES}.
   *
   * @throws IllegalArgumentException when the text is longer than {@link #MAX_TEST_CHARS}
   */
  public List<Integer> test(String text) {
    if (text.length() > MAX_TEST_CHARS) {
      throw new IllegalArgumentException(
          "text must be at most " + MAX_TEST_CHARS + " characters, was " + text.length());
    }
    return matchingLines(compile(pattern), List.of(text.split("\\R", -1)));
  }

  /** Returns the 1-based numbers of the lines {@code p} finds, at most a few. */
  static List<Integer> matchingLines(Pattern p, List<String> lines) {
    List<Integer> hits = new ArrayList<>();
    for (int i = 0; i < lines.size() && hits.size() < MAX_REPORTED_MATCHES; i++) {
      if (p.matcher(lines.get(i)).find()) {
        hits.add(i + 1);
      }
    }
    return hits;
  }
}
