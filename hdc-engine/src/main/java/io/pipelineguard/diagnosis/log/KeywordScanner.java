package io.pipelineguard.diagnosis.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds which of a fixed set of keywords occur in a line, ASCII case-insensitively, in one pass (a
 * keyword that begins with a letter or digit must begin a word: {@code stalled} does not match
 * inside {@code installed}; it may end inside a word, so {@code fail} matches {@code failed}) (an
 * Aho-Corasick automaton compiled to a dense table). Used as the cheap prefilter that decides which
 * lines deserve a closer look, so that regular expressions run on few lines.
 *
 * <p>Cost: building is O(total keyword length x alphabet); scanning is one table lookup per
 * character. Instances are immutable and thread-safe; the per-scan state lives in a {@link Hits}.
 */
public final class KeywordScanner {
  private final int classes;
  private final byte[] charClass = new byte[128];
  // the automaton's transitions for scanning: entry = target state x classes, bit-inverted
  // (negative) when the target state has outputs, so the common step is two loads and a sign test
  private final int[] step;
  private final int[][] outputs;
  private final int keywordCount;
  private final int[] lengths;
  private final boolean[] wordStart;
  private final boolean[] lineStart;

  /**
   * Compiles the scanner.
   *
   * @param keywords keywords (non-empty, at most 200 chars); matched case-insensitively for ASCII
   *     letters; non-ASCII characters in a keyword never match; a leading {@code ^} means the
   *     keyword must begin the line
   */
  public KeywordScanner(List<String> keywords) {
    this(keywords, true);
  }

  /**
   * Compiles a scanner of plain substrings: like {@link #KeywordScanner(List)}, but a keyword may
   * begin anywhere (not only at a word start) and a leading {@code ^} is an ordinary character.
   * Meant for {@link #containsAny}.
   */
  public static KeywordScanner substrings(List<String> keywords) {
    return new KeywordScanner(keywords, false);
  }

  private KeywordScanner(List<String> keywords, boolean words) {
    this.keywordCount = keywords.size();
    this.lengths = new int[keywordCount];
    this.wordStart = new boolean[keywordCount];
    this.lineStart = new boolean[keywordCount];
    List<String> plain = new ArrayList<>(keywordCount);
    for (int id = 0; id < keywordCount; id++) {
      String k = keywords.get(id);
      if (words && k.length() > 1 && k.charAt(0) == '^') {
        lineStart[id] = true;
        k = k.substring(1);
      }
      plain.add(k);
      lengths[id] = k.length();
      wordStart[id] = words && !k.isEmpty() && isWordChar(k.charAt(0));
    }
    int cls = 1;
    for (String k : plain) {
      if (k.isEmpty() || k.length() > 200) {
        throw new IllegalArgumentException("keyword must have 1..200 characters: '" + k + "'");
      }
      for (char c : k.toLowerCase(Locale.ROOT).toCharArray()) {
        if (c < 128 && charClass[c] == 0) {
          if (cls >= 127) {
            throw new IllegalArgumentException("too many distinct keyword characters");
          }
          charClass[c] = (byte) cls++;
        }
      }
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      charClass[c] = charClass[Character.toLowerCase(c)];
    }
    this.classes = cls;
    List<int[]> gotoRows = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    gotoRows.add(newRow());
    out.add(new ArrayList<>());
    for (int id = 0; id < plain.size(); id++) {
      String k = plain.get(id).toLowerCase(Locale.ROOT);
      int state = 0;
      boolean possible = true;
      for (char c : k.toCharArray()) {
        if (c >= 128) {
          possible = false;
          break;
        }
        int cl = charClass[c];
        int nxt = gotoRows.get(state)[cl];
        if (nxt <= 0) {
          gotoRows.add(newRow());
          out.add(new ArrayList<>());
          nxt = gotoRows.size() - 1;
          gotoRows.get(state)[cl] = nxt;
        }
        state = nxt;
      }
      if (possible) {
        out.get(state).add(id);
      }
    }
    int states = gotoRows.size();
    int[] fail = new int[states];
    int[] next = new int[states * classes];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int cl = 0; cl < classes; cl++) {
      int s = gotoRows.get(0)[cl];
      if (s > 0) {
        fail[s] = 0;
        next[cl] = s;
        queue.add(s);
      } else {
        next[cl] = 0;
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int cl = 0; cl < classes; cl++) {
        int t = gotoRows.get(s)[cl];
        if (t > 0) {
          fail[t] = next[fail[s] * classes + cl];
          next[s * classes + cl] = t;
          queue.add(t);
        } else {
          next[s * classes + cl] = next[fail[s] * classes + cl];
        }
      }
    }
    outputs = new int[states][];
    for (int s = 0; s < states; s++) {
      List<Integer> o = out.get(s);
      outputs[s] = o.isEmpty() ? null : o.stream().distinct().mapToInt(Integer::intValue).toArray();
    }
    step = new int[next.length];
    for (int k = 0; k < next.length; k++) {
      int target = next[k];
      step[k] = outputs[target] == null ? target * classes : ~(target * classes);
    }
  }

  private int[] newRow() {
    return new int[classes];
  }

  /** Returns the number of keywords. */
  public int keywordCount() {
    return keywordCount;
  }

  /** Creates the reusable per-thread scan state. */
  public Hits newHits() {
    return new Hits(keywordCount);
  }

  /**
   * Scans {@code chars[0..len)} and records the distinct keywords found in {@code hits}.
   *
   * @return the number of distinct keywords found
   */
  public int scan(char[] chars, int len, Hits hits) {
    hits.reset();
    final int[] table = step;
    final byte[] cls = charClass;
    int row = 0; // current state x classes
    for (int i = 0; i < len; i++) {
      char c = chars[i];
      int v = table[row + (c < 128 ? cls[c] : 0)];
      if (v >= 0) {
        row = v;
        continue;
      }
      row = ~v;
      for (int id : outputs[row / classes]) {
        int start = i - lengths[id] + 1;
        if (wordStart[id] && start > 0 && isWordChar(chars[start - 1])) {
          continue; // must begin a word: "stalled" does not match inside "installed"
        }
        if (lineStart[id] && start != 0) {
          continue; // "^keyword": must begin the line
        }
        hits.add(id, i + 1);
      }
    }
    return hits.count;
  }

  /**
   * Returns whether a keyword occurs in {@code chars[from..to)} (for a scanner built by {@link
   * #substrings}; with word-start keywords the check ignores the word-start and line-start rules,
   * so it may answer true where {@link #scan} finds nothing, never the reverse). Stops at the first
   * occurrence; no allocation.
   */
  public boolean containsAny(char[] chars, int from, int to) {
    final int[] table = step;
    final byte[] cls = charClass;
    int row = 0;
    for (int i = from; i < to; i++) {
      char c = chars[i];
      int v = table[row + (c < 128 ? cls[c] : 0)];
      if (v < 0) {
        return true;
      }
      row = v;
    }
    return false;
  }

  /**
   * Returns the union of {@code masks[id]} over the keywords that occur in {@code chars[from..to)}
   * (substring semantics, like {@link #containsAny}), stopping as soon as the union covers {@code
   * goal}. Lets a caller test several keyword groups in one pass: give each keyword the bits of the
   * groups it belongs to. Cost: one table step per character scanned; no allocation.
   *
   * @param masks one mask per keyword id ({@link #keywordCount()} entries)
   */
  public long unionOfMasks(char[] chars, int from, int to, long[] masks, long goal) {
    final int[] table = step;
    final byte[] cls = charClass;
    long found = 0;
    int row = 0;
    for (int i = from; i < to; i++) {
      char c = chars[i];
      int v = table[row + (c < 128 ? cls[c] : 0)];
      if (v >= 0) {
        row = v;
        continue;
      }
      row = ~v;
      for (int id : outputs[row / classes]) {
        found |= masks[id];
      }
      if ((found & goal) == goal) {
        return found;
      }
    }
    return found;
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** The distinct keyword ids found by the last scan, in order of first occurrence. */
  public static final class Hits {
    private final int[] stamp;
    private int generation;
    private int[] ids = new int[16];
    private int[] ends = new int[16];
    private int count;

    private Hits(int keywords) {
      stamp = new int[keywords];
    }

    private void reset() {
      count = 0;
      generation++;
      if (generation == Integer.MAX_VALUE) {
        Arrays.fill(stamp, 0);
        generation = 1;
      }
    }

    private void add(int id, int end) {
      if (stamp[id] == generation) {
        return;
      }
      stamp[id] = generation;
      if (count == ids.length) {
        ids = Arrays.copyOf(ids, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      ends[count] = end;
      ids[count++] = id;
    }

    /** Returns the index just after the first occurrence of the {@code i}-th keyword found. */
    public int end(int i) {
      return ends[i];
    }

    /** Returns the number of distinct keywords found. */
    public int count() {
      return count;
    }

    /** Returns the {@code i}-th keyword id found. */
    public int get(int i) {
      return ids[i];
    }

    /** Returns whether keyword {@code id} was found. */
    public boolean contains(int id) {
      return stamp[id] == generation;
    }
  }
}
