package io.pipelineguard.diagnosis.knowledge;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.pipelineguard.diagnosis.log.KeywordScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule part of the knowledge base: built-in patterns plus user rules, compiled into one keyword
 * prefilter. A line is first scanned for all triggers at once; only the indications whose trigger
 * occurs run their RE2/J regex (linear time, on a window of the line around the trigger's first
 * occurrence; rules without a trigger on the first {@value #REGEX_PREFIX} characters), so no rule
 * can hang a scan, and only when the window holds a literal of each group of literals every match
 * of the regex contains ({@link RequiredLiterals}; a regex without such literals always runs). A
 * regex of several top-level alternatives runs alternative by alternative, each gated by its own
 * literals ({@link RegexBranches}).
 *
 * <p>Immutable and thread-safe; per-thread scan state lives in a {@link LineMatcher}.
 */
public final class KnowledgeBase {
  /** Classpath location of the built-in patterns. */
  public static final String BUILT_IN_RESOURCE =
      "/io/pipelineguard/shared/knowledge/builtin-patterns.ini";

  /** Characters of a line a regex sees at most (rules without a trigger). */
  public static final int REGEX_PREFIX = 4096;

  /**
   * A triggered rule's regex sees the line from this many characters before the end of its
   * trigger's first occurrence (from the line's start when the trigger ends within them, so that
   * {@code ^} anchors work) ...
   */
  static final int WINDOW_BEFORE = 256;

  /** ... to this many characters after it. */
  static final int WINDOW_AFTER = 256;

  static final String ALWAYS = "\u0000always";

  private static final char KELVIN_SIGN = '\u212a';
  private static final char LONG_S = '\u017f';

  private final List<Indication> indications;
  private final KeywordScanner scanner;
  private final int[][] byTrigger;
  private final int[] always;
  // per line indication: a scanner of literals one of which any match of its regex contains (see
  // RequiredLiterals), or null when the regex has none that can be found or there is no regex
  private final KeywordScanner[] regexLiterals;
  // per line indication: a scanner of literals any of which makes its regex match (see
  // RequiredLiterals.sufficient), or null
  private final KeywordScanner[] regexSufficient;
  // per line indication: groups of literals each of which any match of its regex contains one of
  // (see RequiredLiterals.conjunction), beyond regexLiterals' group; or null
  private final LiteralConjunction[] regexConjunction;
  // per line indication: its regex with greedy and lazy repeats swapped (see existenceTest), or
  // null when there is no regex
  private final Pattern[] existence;
  // per line indication: its regex split into top-level alternatives gated one by one, or null
  private final RegexBranches[] split;

  private final List<Indication> commandIndications;
  private final List<KeywordScanner> commandScanners = new ArrayList<>();

  private KnowledgeBase(List<Indication> all) {
    this.indications = all.stream().filter(i -> i.scope() == Indication.Scope.LINE).toList();
    this.commandIndications =
        all.stream().filter(i -> i.scope() == Indication.Scope.COMMAND).toList();
    for (Indication ind : commandIndications) {
      List<String> t = ind.triggers().stream().filter(k -> !k.equals(ALWAYS)).toList();
      commandScanners.add(t.isEmpty() ? null : new KeywordScanner(t));
    }
    Map<String, List<Integer>> triggerToIndications = new LinkedHashMap<>();
    List<Integer> alwaysList = new ArrayList<>();
    for (int i = 0; i < this.indications.size(); i++) {
      for (String t : this.indications.get(i).triggers()) {
        if (t.equals(ALWAYS)) {
          alwaysList.add(i);
        } else {
          triggerToIndications.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
        }
      }
    }
    List<String> keywords = new ArrayList<>(triggerToIndications.keySet());
    this.scanner = new KeywordScanner(keywords);
    this.byTrigger = new int[keywords.size()][];
    for (int k = 0; k < keywords.size(); k++) {
      byTrigger[k] =
          triggerToIndications.get(keywords.get(k)).stream().mapToInt(Integer::intValue).toArray();
    }
    this.always = alwaysList.stream().mapToInt(Integer::intValue).toArray();
    this.regexLiterals = new KeywordScanner[indications.size()];
    this.regexSufficient = new KeywordScanner[indications.size()];
    this.regexConjunction = new LiteralConjunction[indications.size()];
    this.existence = new Pattern[indications.size()];
    this.split = new RegexBranches[indications.size()];
    for (int i = 0; i < indications.size(); i++) {
      Indication ind = indications.get(i);
      if (ind.regex().isPresent()) {
        String pattern = ind.regex().get().pattern();
        existence[i] = existenceTest(ind.regex().get());
        split[i] = RegexBranches.of(ind.regex().get()).orElse(null);
        Optional<List<String>> required = RequiredLiterals.of(pattern);
        regexLiterals[i] = literalScanner(required);
        regexConjunction[i] =
            RequiredLiterals.conjunction(pattern)
                .flatMap(groups -> LiteralConjunction.of(groups, required.orElse(null)))
                .orElse(null);
        regexSufficient[i] =
            literalScanner(RequiredLiterals.sufficient(ind.regex().get().pattern()));
      }
    }
  }

  /**
   * Returns {@code regex} with its greedy and lazy repeats swapped (RE2's {@code (?U)} flag): it
   * finds a match in exactly the texts {@code regex} does (greediness only chooses among matches),
   * but RE2/J's matcher, which keeps simulating the threads that would give a longer match than the
   * first one found, mostly stops at the first match instead of running to the end of the window
   * ({@code ^ *--> .*cargo}, {@code licen[cs]e .*(missing|...)}). Use it only to ask whether there
   * is a match, never for its bounds. Falls back to {@code regex} if the variant does not compile.
   */
  static Pattern existenceTest(Pattern regex) {
    try {
      return Pattern.compile("(?U)" + regex.pattern(), regex.flags());
    } catch (PatternSyntaxException e) {
      return regex;
    }
  }

  private static KeywordScanner literalScanner(Optional<List<String>> found) {
    List<String> literals = found.orElse(null);
    if (literals == null) {
      return null;
    }
    try {
      return KeywordScanner.substrings(literals);
    } catch (IllegalArgumentException e) {
      return null; // too many distinct characters for one scanner: the regex always runs
    }
  }

  /**
   * Whether line indication {@code idx}'s regex finds a match in {@code chars[from..to)}: without
   * running it when the window lacks all its required literals ({@link #regexMayMatch}) or holds
   * one of its sufficient ones (a whole alternative of a case-insensitive regex, {@link
   * RequiredLiterals#sufficient}); else by running it.
   */
  boolean regexFinds(int idx, char[] chars, int from, int to) {
    return regexFinds(idx, chars, from, to, null);
  }

  /**
   * Like {@link #regexFinds(int, char[], int, int)}, remembering the regex's answers in {@code
   * known} (when not null): the answer is a function of the rule and the window's characters alone
   * (the window is all the regex sees), and logs repeat the same lines many times.
   */
  private boolean regexFinds(int idx, char[] chars, int from, int to, WindowResults known) {
    if (!regexMayMatch(idx, chars, from, to)) {
      return false;
    }
    KeywordScanner enough = regexSufficient[idx];
    if (enough != null && enough.containsAny(chars, from, to)) {
      return true;
    }
    if (known == null) {
      return runRegex(idx, chars, from, to);
    }
    WindowResults.Key key = new WindowResults.Key(idx, new String(chars, from, to - from));
    Boolean remembered = known.get(key);
    if (remembered != null) {
      return remembered;
    }
    boolean found = runRegex(idx, chars, from, to);
    known.put(key, found);
    return found;
  }

  private boolean runRegex(int idx, char[] chars, int from, int to) {
    RegexBranches alternatives = split[idx];
    if (alternatives != null) {
      return alternatives.find(chars, from, to, holdsFoldedLetter(chars, from, to));
    }
    return existence[idx].matcher(CharBuffer.wrap(chars, from, to - from)).find();
  }

  /**
   * Whether the regex of line indication {@code idx} may find a match in {@code chars[from..to)}:
   * false only when the window lacks every literal of some group one of which any match contains
   * ({@link RequiredLiterals#of}'s group, then {@link RequiredLiterals#conjunction}'s; ASCII
   * literals, compared ASCII case-insensitively) and holds neither of the two non-ASCII characters
   * that RE2's case folding maps onto ASCII letters (U+212A Kelvin sign onto k, U+017F long s onto
   * s: the only such pairs in Unicode's simple case folding). Skipping the regex then changes no
   * result; it saves most regex calls, which cost microseconds each.
   */
  boolean regexMayMatch(int idx, char[] chars, int from, int to) {
    KeywordScanner literals = regexLiterals[idx];
    LiteralConjunction all = regexConjunction[idx];
    if ((literals == null || literals.containsAny(chars, from, to))
        && (all == null || all.satisfiedBy(chars, from, to))) {
      return true;
    }
    return holdsFoldedLetter(chars, from, to);
  }

  /** Whether {@code chars[from..to)} holds U+212A or U+017F (RE2 folds them onto k and s). */
  private static boolean holdsFoldedLetter(char[] chars, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = chars[i];
      if (c >= 128 && (c == KELVIN_SIGN || c == LONG_S)) {
        return true;
      }
    }
    return false;
  }

  /** Returns a knowledge base of the given indications. */
  public static KnowledgeBase of(List<Indication> indications) {
    return new KnowledgeBase(indications);
  }

  /**
   * Loads the built-in patterns from the classpath.
   *
   * @throws UncheckedIOException when the resource is missing (a packaging error)
   */
  public static List<Indication> builtInIndications() {
    try (InputStream in = KnowledgeBase.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new UncheckedIOException(
            new IOException("built-in knowledge missing from classpath: " + BUILT_IN_RESOURCE));
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return KnowledgeFile.parse(r, "builtin-patterns.ini", Indication.Source.BUILT_IN);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the knowledge base of the built-in patterns alone. */
  public static KnowledgeBase builtIn() {
    return of(builtInIndications());
  }

  /** Returns this knowledge base with {@code more} indications added (user rules). */
  public KnowledgeBase with(List<Indication> more) {
    List<Indication> all = new ArrayList<>(indications);
    all.addAll(more);
    return new KnowledgeBase(all);
  }

  /** Returns all indications: line-scoped ones in file order, then command-scoped ones. */
  public List<Indication> indications() {
    List<Indication> all = new ArrayList<>(indications);
    all.addAll(commandIndications);
    return List.copyOf(all);
  }

  /**
   * Returns the command-scoped indications whose trigger occurs in {@code command} (ASCII
   * case-insensitive, word start) and whose regex, if any, finds a match. Cost: one pass over the
   * command per command-scoped indication (precompiled); meant to run once per log.
   */
  public List<Indication> matchCommand(String command) {
    List<Indication> out = new ArrayList<>();
    if (command == null || command.isEmpty()) {
      return out;
    }
    String text = command.length() > REGEX_PREFIX ? command.substring(0, REGEX_PREFIX) : command;
    char[] chars = text.toCharArray();
    for (int i = 0; i < commandIndications.size(); i++) {
      Indication ind = commandIndications.get(i);
      KeywordScanner one = commandScanners.get(i);
      if (one != null && one.scan(chars, chars.length, one.newHits()) == 0) {
        continue;
      }
      if (ind.regex().isPresent() && !ind.regex().get().matcher(text).find()) {
        continue;
      }
      out.add(ind);
    }
    return out;
  }

  /** Creates the per-thread matcher. */
  public LineMatcher newMatcher() {
    return new LineMatcher();
  }

  /** Matches lines against the knowledge base; one per thread. */
  public final class LineMatcher {
    private final KeywordScanner.Hits hits = scanner.newHits();
    private final int[] stamp = new int[indications.size()];
    private int generation;
    private final List<Indication> matched = new ArrayList<>();
    private final WindowResults known = new WindowResults();

    private LineMatcher() {}

    /**
     * Returns the indications that match the line, in knowledge-file order of first trigger hit.
     * The returned list is reused by the next call.
     */
    public List<Indication> match(char[] chars, int len) {
      matched.clear();
      int found = scanner.scan(chars, len, hits);
      if (found == 0 && always.length == 0) {
        return Collections.emptyList();
      }
      generation++;
      for (int h = 0; h < found; h++) {
        int from = -1;
        int to = 0;
        for (int idx : byTrigger[hits.get(h)]) {
          if (stamp[idx] == generation) {
            continue;
          }
          stamp[idx] = generation;
          Indication ind = indications.get(idx);
          if (ind.regex().isPresent()) {
            if (from < 0) {
              int end = hits.end(h);
              from = end <= WINDOW_BEFORE ? 0 : end - WINDOW_BEFORE;
              to = Math.min(len, end + WINDOW_AFTER);
            }
            if (!regexFinds(idx, chars, from, to, known)) {
              continue;
            }
          }
          matched.add(ind);
        }
      }
      for (int idx : always) {
        int prefix = Math.min(len, REGEX_PREFIX);
        if (!regexMayMatch(idx, chars, 0, prefix)) {
          continue;
        }
        if (runRegex(idx, chars, 0, prefix)) {
          matched.add(ind(idx));
        }
      }
      return matched;
    }

    private Indication ind(int idx) {
      return indications.get(idx);
    }
  }
}
