package io.pipelineguard.diagnosis.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, for an RE2 regular expression, a set of literal strings one of which occurs (ASCII
 * case-insensitively) in every text the expression finds a match in, so that a scan can skip the
 * regex on text that contains none of them. The analysis is conservative: it answers {@link
 * Optional#empty()} for any construct it does not fully understand ({@code \Q..\E}, {@code \x},
 * {@code \p}, octal escapes, a brace that is not a repeat), and never returns a literal that a
 * match could lack.
 *
 * <p>Rules used: a literal run is a sequence of plain ASCII characters each matched exactly once; a
 * concatenation requires its best factor (a run, or a group required at least once); an alternation
 * requires the union of its branches' sets (unknown if one branch is unknown); anything optional
 * ({@code ?}, {@code *}, {@code {0,n}}) requires nothing. Literals are returned lower-cased. Caveat
 * for callers: under {@code (?i)} RE2 also folds two non-ASCII characters onto ASCII letters
 * ({@code U+212A} onto k, {@code U+017F} onto s), so text with non-ASCII characters must be handed
 * to the regex whatever the literal check says.
 *
 * <p>Cost: linear in the length of the expression; meant to run once per rule when a knowledge base
 * is built.
 */
final class RequiredLiterals {
  /** Longest literal returned; longer required literals are cut to their prefix. */
  static final int MAX_LITERAL = 100;

  private final String re;
  private int pos;

  private RequiredLiterals(String re) {
    this.re = re;
  }

  /**
   * Returns lower-cased literals one of which every match of {@code regex} contains, or empty when
   * the analysis cannot tell (or the set would contain an empty string).
   */
  static Optional<List<String>> of(String regex) {
    RequiredLiterals p = new RequiredLiterals(regex);
    try {
      Set<String> set = p.alternation();
      if (p.pos != regex.length() || set == null || set.isEmpty()) {
        return Optional.empty();
      }
      List<String> out = new ArrayList<>();
      for (String s : set) {
        if (s.isEmpty()) {
          return Optional.empty();
        }
        // a prefix of a required literal is required too; keeps keywords within scanner limits
        out.add(s.length() > MAX_LITERAL ? s.substring(0, MAX_LITERAL) : s);
      }
      return Optional.of(List.copyOf(out));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  /** Thrown (without a stack trace) for a construct the analysis does not handle. */
  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** Parses {@code a|b|...} up to a closing parenthesis or the end; null = unknown. */
  private Set<String> alternation() throws Unsupported {
    Set<String> union = new LinkedHashSet<>();
    boolean unknown = false;
    while (true) {
      Set<String> branch = concatenation();
      if (branch == null) {
        unknown = true;
      } else {
        union.addAll(branch);
      }
      if (pos < re.length() && re.charAt(pos) == '|') {
        pos++;
        continue;
      }
      return unknown ? null : union;
    }
  }

  /** Parses a concatenation; returns the best required factor, null when none. */
  private Set<String> concatenation() throws Unsupported {
    List<Set<String>> factors = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
      int literal = -1; // the plain ASCII character this atom matches, or -1
      Set<String> group = null;
      char c = re.charAt(pos);
      if (c == '(') {
        pos++;
        if (flagsOnly()) {
          endRun(run, factors);
          continue; // (?i): zero-width
        }
        group = alternation();
        if (pos >= re.length() || re.charAt(pos) != ')') {
          throw new Unsupported();
        }
        pos++;
      } else if (c == '[') {
        skipClass();
      } else if (c == '\\') {
        literal = escape();
      } else if (c == '.' || c == '^' || c == '$') {
        pos++;
      } else if (c == '*' || c == '+' || c == '?' || c == '{') {
        throw new Unsupported(); // a repeat without an atom
      } else {
        pos++;
        literal = c < 128 ? Character.toLowerCase(c) : -1;
      }
      int min = repeatMin();
      boolean once = exactlyOnce;
      if (literal >= 0 && min >= 1) {
        run.append((char) literal);
        if (!once) {
          endRun(run, factors); // x+ or x{2,}: x occurs, what follows it is not known
        }
      } else {
        endRun(run, factors);
        if (group != null && min >= 1) {
          factors.add(group);
        }
      }
    }
    endRun(run, factors);
    Set<String> best = null;
    int bestScore = -1;
    for (Set<String> f : factors) {
      int shortest = Integer.MAX_VALUE;
      for (String s : f) {
        shortest = Math.min(shortest, s.length());
      }
      int score = f.isEmpty() ? -1 : shortest * 64 - f.size();
      if (score > bestScore) {
        bestScore = score;
        best = f;
      }
    }
    return best;
  }

  private static void endRun(StringBuilder run, List<Set<String>> factors) {
    if (run.length() > 0) {
      factors.add(Set.of(run.toString()));
      run.setLength(0);
    }
  }

  /** After "(": consumes a flag group such as {@code ?i)} or a group prefix; true if zero-width. */
  private boolean flagsOnly() throws Unsupported {
    if (pos >= re.length() || re.charAt(pos) != '?') {
      return false;
    }
    int p = pos + 1;
    if (p < re.length() && (re.charAt(p) == 'P' || re.charAt(p) == '<')) {
      int close = re.indexOf('>', p);
      if (close < 0) {
        throw new Unsupported();
      }
      pos = close + 1; // named group
      return false;
    }
    while (p < re.length() && "imsU-".indexOf(re.charAt(p)) >= 0) {
      p++;
    }
    if (p >= re.length()) {
      throw new Unsupported();
    }
    if (re.charAt(p) == ')') {
      pos = p + 1;
      return true;
    }
    if (re.charAt(p) == ':') {
      pos = p + 1;
      return false;
    }
    throw new Unsupported();
  }

  private void skipClass() throws Unsupported {
    pos++; // '['
    if (pos < re.length() && re.charAt(pos) == '^') {
      pos++;
    }
    if (pos < re.length() && re.charAt(pos) == ']') {
      pos++; // a leading ']' is a member
    }
    while (pos < re.length()) {
      char c = re.charAt(pos);
      if (c == ']') {
        pos++;
        return;
      }
      if (c == '\\') {
        escape();
        continue;
      }
      if (c == '[' && pos + 1 < re.length() && re.charAt(pos + 1) == ':') {
        int close = re.indexOf(":]", pos + 2);
        if (close < 0) {
          throw new Unsupported();
        }
        pos = close + 2;
        continue;
      }
      pos++;
    }
    throw new Unsupported();
  }

  /** Consumes an escape; returns the lower-cased literal it stands for, or -1. */
  private int escape() throws Unsupported {
    if (pos + 1 >= re.length()) {
      throw new Unsupported();
    }
    char e = re.charAt(pos + 1);
    pos += 2;
    if ("dDwWsSbBAzfnrtv".indexOf(e) >= 0) {
      return -1; // a class, an assertion or a control character
    }
    if (e < 128 && !Character.isLetterOrDigit(e) && e != '^') {
      return Character.toLowerCase(e); // \. \* \[ ...
    }
    throw new Unsupported(); // \Q, \x, \p, octal, \C, \^ ...
  }

  private boolean exactlyOnce;

  /**
   * Consumes a repeat operator after an atom; returns its minimum count (1 when none) and sets
   * {@link #exactlyOnce} when the atom is matched exactly once (no operator, or {@code {1}}).
   */
  private int repeatMin() throws Unsupported {
    exactlyOnce = true;
    if (pos >= re.length()) {
      return 1;
    }
    char c = re.charAt(pos);
    int min;
    if (c == '*' || c == '?') {
      min = 0;
      pos++;
    } else if (c == '+') {
      min = 1;
      pos++;
    } else if (c == '{') {
      int close = re.indexOf('}', pos);
      if (close < 0) {
        throw new Unsupported();
      }
      String body = re.substring(pos + 1, close);
      if (!body.matches("[0-9]{1,4}(,[0-9]{0,4})?")) {
        throw new Unsupported();
      }
      String[] parts = body.split(",", -1);
      min = Integer.parseInt(parts[0]);
      boolean one = min == 1 && (parts.length == 1 || parts[1].equals("1"));
      pos = close + 1;
      if (one) {
        return 1;
      }
    } else {
      return 1;
    }
    exactlyOnce = false;
    if (pos < re.length() && re.charAt(pos) == '?') {
      pos++; // lazy
    }
    if (pos < re.length() && "*+?{".indexOf(re.charAt(pos)) >= 0) {
      throw new Unsupported(); // a repeated repeat
    }
    return min;
  }
}
