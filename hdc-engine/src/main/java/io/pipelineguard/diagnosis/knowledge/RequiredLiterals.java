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
 * ({@code U+212A} onto k, {@code U+017F} onto s), so text with either of them must be handed to the
 * regex whatever the literal check says.
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
      Set<String> set = p.alternation().required();
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

  /** Bound on the strings of an exact set (cross products of small alternations). */
  private static final int MAX_EXACT = 32;

  /**
   * What a sub-expression tells: {@code required}, literals one of which every match contains
   * (null: unknown); {@code exact}, every string it can match when there are few (null: not known).
   */
  private record Facts(
      Set<String> required, Set<String> exact, boolean pure, List<Set<String>> clauses) {}

  /** Bound on the clauses of a conjunction (cross products of alternatives' clauses). */
  static final int MAX_CLAUSES = 64;

  /**
   * Returns groups of lower-cased literals such that every match of {@code regex} contains (ASCII
   * case-insensitively) at least one literal of <em>each</em> group: a conjunction of alternatives,
   * stricter than {@link #of}'s single group. Every required run or group of a concatenation gives
   * a group ({@code deploy.*failed}: {@code deploy} and {@code failed}); an alternation gives the
   * cross product of its branches' groups, each the union of one group per branch (at most {@value
   * #MAX_CLAUSES}; beyond that, its single union as in {@link #of}). Same conservative analysis and
   * the same U+212A / U+017F caveat as {@link #of}; empty when nothing is required.
   */
  static Optional<List<List<String>>> conjunction(String regex) {
    RequiredLiterals p = new RequiredLiterals(regex);
    try {
      Facts facts = p.alternation();
      if (p.pos != regex.length()) {
        return Optional.empty();
      }
      Set<List<String>> out = new LinkedHashSet<>();
      for (Set<String> clause : facts.clauses()) {
        if (clause.isEmpty() || clause.contains("")) {
          continue; // satisfied by any text
        }
        Set<String> cut = new LinkedHashSet<>();
        for (String s : clause) {
          cut.add(s.length() > MAX_LITERAL ? s.substring(0, MAX_LITERAL) : s);
        }
        out.add(List.copyOf(cut));
      }
      return out.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(out));
    } catch (Unsupported e) {
      return Optional.empty();
    }
  }

  private int depth;
  private final List<Facts> topBranches = new ArrayList<>();
  private final List<String> topSources = new ArrayList<>();

  /**
   * Returns the top-level alternatives of {@code regex} as regexes of their own, each with the
   * leading {@code (?i)} of the whole when it has one: a text holds a match of {@code regex}
   * exactly when it holds a match of one of them. Only for expressions of at least two alternatives
   * that set no flag other than a leading {@code (?i)} (a flag set inside one alternative would
   * carry into the next ones) and that the analysis understands; empty otherwise.
   */
  static Optional<List<String>> alternatives(String regex) {
    boolean folded = regex.startsWith("(?i)");
    if (regex.indexOf("(?", folded ? 1 : 0) >= 0) {
      return Optional.empty();
    }
    RequiredLiterals p = new RequiredLiterals(regex);
    try {
      p.alternation();
      if (p.pos != regex.length() || p.topSources.size() < 2) {
        return Optional.empty();
      }
    } catch (Unsupported e) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (String branch : p.topSources) {
      String body = folded && branch.startsWith("(?i)") ? branch.substring(4) : branch;
      out.add(folded ? "(?i)" + body : body);
    }
    return Optional.of(List.copyOf(out));
  }

  /**
   * Returns lower-cased literals any one of which, found ASCII case-insensitively in a text,
   * guarantees that {@code regex} finds a match there: the strings of the top-level alternatives
   * that are plain literals (small alternations, optional parts and short classes allowed; no
   * anchor, class with many members or repeat). Only for expressions that are case-insensitive as a
   * whole (they begin with {@code (?i)} and set no other flag); empty otherwise or when none.
   */
  static Optional<List<String>> sufficient(String regex) {
    if (!regex.startsWith("(?i)") || regex.indexOf("(?", 1) >= 0) {
      return Optional.empty();
    }
    RequiredLiterals p = new RequiredLiterals(regex);
    try {
      p.alternation();
      if (p.pos != regex.length()) {
        return Optional.empty();
      }
    } catch (Unsupported e) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (Facts branch : p.topBranches) {
      if (branch.pure() && branch.exact() != null && !branch.exact().contains("")) {
        out.addAll(branch.exact());
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(out));
  }

  /** Parses {@code a|b|...} up to a closing parenthesis or the end. */
  private Facts alternation() throws Unsupported {
    Set<String> union = new LinkedHashSet<>();
    Set<String> exact = new LinkedHashSet<>();
    boolean unknown = false;
    boolean inexact = false;
    boolean pure = true;
    List<List<Set<String>>> branchClauses = new ArrayList<>();
    while (true) {
      int start = pos;
      Facts branch = concatenation();
      branchClauses.add(branch.clauses());
      pure &= branch.pure();
      if (depth == 0) {
        topBranches.add(branch);
        topSources.add(re.substring(start, pos));
      }
      if (branch.required() == null) {
        unknown = true;
      } else {
        union.addAll(branch.required());
      }
      if (branch.exact() == null) {
        inexact = true;
      } else {
        exact.addAll(branch.exact());
      }
      if (pos < re.length() && re.charAt(pos) == '|') {
        pos++;
        continue;
      }
      return new Facts(
          unknown ? null : union,
          inexact || exact.size() > MAX_EXACT ? null : exact,
          pure,
          alternativeClauses(branchClauses, unknown ? null : union));
    }
  }

  /**
   * Returns the clauses an alternation requires: those of its single branch; else one clause per
   * choice of a clause from each branch (their union), when there are at most {@value #MAX_CLAUSES}
   * choices; else {@code union} alone (when known); none when a branch requires nothing.
   */
  private static List<Set<String>> alternativeClauses(
      List<List<Set<String>>> branches, Set<String> union) {
    if (branches.size() == 1) {
      return branches.get(0);
    }
    long choices = 1;
    for (List<Set<String>> b : branches) {
      if (b.isEmpty()) {
        return List.of();
      }
      choices *= b.size();
      if (choices > MAX_CLAUSES) {
        return union == null || union.isEmpty() ? List.of() : List.of(union);
      }
    }
    List<Set<String>> out = new ArrayList<>();
    out.add(Set.of());
    for (List<Set<String>> b : branches) {
      List<Set<String>> next = new ArrayList<>();
      for (Set<String> partial : out) {
        for (Set<String> clause : b) {
          Set<String> merged = new LinkedHashSet<>(partial);
          merged.addAll(clause);
          next.add(merged);
        }
      }
      out = next;
    }
    return out;
  }

  /**
   * Parses a concatenation: adjacent parts with exact sets combine into longer literals (their
   * cross product); the required literals are the best such combination or required group.
   */
  private Facts concatenation() throws Unsupported {
    List<Set<String>> factors = new ArrayList<>();
    List<Set<String>> groupClauses = new ArrayList<>(); // of groups required at least once
    Set<String> product = Set.of("");
    boolean whollyExact = true;
    boolean pure = true; // no anchor: an exact string alone is a match
    while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
      Set<String> atomExact = null; // every string the atom matches, when few
      Set<String> atomRequired = null;
      List<Set<String>> atomClauses = List.of();
      char c = re.charAt(pos);
      if (c == '(') {
        pos++;
        if (flagsOnly()) {
          continue; // (?i): zero-width, matches the empty string
        }
        depth++;
        Facts group = alternation();
        depth--;
        pure &= group.pure();
        if (pos >= re.length() || re.charAt(pos) != ')') {
          throw new Unsupported();
        }
        pos++;
        atomExact = group.exact();
        atomRequired = group.required();
        atomClauses = group.clauses();
      } else if (c == '[') {
        atomExact = characterClass();
      } else if (c == '\\') {
        int literal = escape();
        atomExact = literal >= 0 ? Set.of(String.valueOf((char) literal)) : null;
      } else if (c == '^' || c == '$') {
        pos++;
        pure = false; // an anchor: the literal alone does not make a match
        atomExact = Set.of(""); // zero-width
      } else if (c == '.') {
        pos++;
      } else if (c == '*' || c == '+' || c == '?' || c == '{') {
        throw new Unsupported(); // a repeat without an atom
      } else {
        pos++;
        atomExact = c < 128 ? Set.of(String.valueOf(Character.toLowerCase(c))) : null;
      }
      int min = repeatMin();
      Set<String> certain = null; // the atom's exact strings when it occurs, to extend the run
      if (atomExact != null && exactlyOnce) {
        certain = atomExact;
      } else if (atomExact != null && min == 0 && maxOne) {
        certain = new LinkedHashSet<>(atomExact);
        certain.add(""); // x? or (abc)?
      }
      Set<String> next = certain == null ? null : cross(product, certain);
      if (next != null) {
        product = next;
        continue;
      }
      whollyExact = false;
      if (certain != null) {
        addFactor(factors, product); // too many combinations: start over from this atom
        product = certain.size() <= MAX_EXACT ? certain : Set.of("");
        continue;
      }
      if (atomExact != null && min >= 1) {
        Set<String> once = cross(product, atomExact); // x+: one x is certain, then the run ends
        addFactor(factors, once != null ? once : product);
      } else {
        addFactor(factors, product);
      }
      product = Set.of("");
      if (atomRequired != null && min >= 1) {
        factors.add(atomRequired);
      }
      if (min >= 1) {
        groupClauses.addAll(atomClauses);
      }
    }
    addFactor(factors, product);
    Set<String> best = null;
    int bestScore = -1;
    for (Set<String> f : factors) {
      int shortest = Integer.MAX_VALUE;
      for (String s : f) {
        shortest = Math.min(shortest, s.length());
      }
      int score = f.isEmpty() || shortest == 0 ? -1 : shortest * 64 - f.size();
      if (score > bestScore) {
        bestScore = score;
        best = f;
      }
    }
    Set<Set<String>> clauses = new LinkedHashSet<>(factors);
    clauses.addAll(groupClauses);
    return new Facts(best, whollyExact ? product : null, pure && whollyExact, List.copyOf(clauses));
  }

  /**
   * Returns every concatenation of a string of {@code left} with one of {@code right}, or null when
   * there would be too many or too long ones.
   */
  private static Set<String> cross(Set<String> left, Set<String> right) {
    if (left.size() * right.size() > MAX_EXACT) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String l : left) {
      for (String r : right) {
        if (l.length() + r.length() > MAX_LITERAL) {
          return null;
        }
        out.add(l + r);
      }
    }
    return out;
  }

  private static void addFactor(List<Set<String>> factors, Set<String> product) {
    if (product != null && !product.contains("")) {
      factors.add(product);
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

  /** Bound on the members of a class kept as an exact set ({@code [\\[(]}, {@code [,:]}). */
  private static final int MAX_CLASS = 10;

  /**
   * Consumes a character class; returns its members (lower-cased) when it is a short list of plain
   * ASCII characters and ranges, else null.
   */
  private Set<String> characterClass() throws Unsupported {
    pos++; // '['
    boolean listed = true;
    if (pos < re.length() && re.charAt(pos) == '^') {
      listed = false;
      pos++;
    }
    Set<String> members = new LinkedHashSet<>();
    int previous = -1;
    boolean first = true;
    while (pos < re.length()) {
      char c = re.charAt(pos);
      if (c == ']' && !first) {
        pos++;
        return listed && members.size() <= MAX_CLASS ? members : null;
      }
      first = false;
      int member;
      if (c == '\\') {
        member = escape();
        listed &= member >= 0;
      } else if (c == '[' && pos + 1 < re.length() && re.charAt(pos + 1) == ':') {
        int close = re.indexOf(":]", pos + 2);
        if (close < 0) {
          throw new Unsupported();
        }
        pos = close + 2;
        listed = false;
        continue;
      } else if (c == '-' && previous >= 0 && pos + 1 < re.length() && re.charAt(pos + 1) != ']') {
        char to = re.charAt(pos + 1);
        pos += 2;
        if (to == '\\' || to >= 128 || to < previous || to - previous > MAX_CLASS) {
          listed = false;
        } else {
          for (int m = previous + 1; m <= to; m++) {
            members.add(String.valueOf(Character.toLowerCase((char) m)));
          }
        }
        previous = -1;
        continue;
      } else {
        pos++;
        member = c < 128 ? c : -1;
        listed &= member >= 0;
      }
      if (member >= 0) {
        members.add(String.valueOf(Character.toLowerCase((char) member)));
      }
      previous = member;
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
  private boolean maxOne; // the repeat is ? (zero or one time)

  /**
   * Consumes a repeat operator after an atom; returns its minimum count (1 when none) and sets
   * {@link #exactlyOnce} when the atom is matched exactly once (no operator, or {@code {1}}).
   */
  private int repeatMin() throws Unsupported {
    exactlyOnce = true;
    maxOne = false;
    if (pos >= re.length()) {
      return 1;
    }
    char c = re.charAt(pos);
    int min;
    if (c == '*' || c == '?') {
      min = 0;
      maxOne = c == '?';
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
