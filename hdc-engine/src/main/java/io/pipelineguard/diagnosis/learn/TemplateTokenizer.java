package io.pipelineguard.diagnosis.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a masked log template into lower-case word tokens: maximal runs of letters and digits.
 * Mask placeholders ({@code <N>}, {@code <HEX>}, {@code <P>}...) become the words {@code n}, {@code
 * hex}, {@code p}. Bounded: at most {@value #MAX_TOKENS} tokens per line and {@value
 * #MAX_TOKEN_CHARS} characters per token. Stateless and thread-safe; cost linear in the line.
 */
public final class TemplateTokenizer {
  /** Most tokens taken from one line. */
  public static final int MAX_TOKENS = 48;

  /** Longest token kept; longer ones are cut. */
  public static final int MAX_TOKEN_CHARS = 40;

  private TemplateTokenizer() {}

  /** Returns the tokens of {@code line} in order (possibly empty). */
  public static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n && out.size() < MAX_TOKENS) {
      while (i < n && !Character.isLetterOrDigit(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        String t = line.substring(start, Math.min(i, start + MAX_TOKEN_CHARS));
        out.add(t.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
