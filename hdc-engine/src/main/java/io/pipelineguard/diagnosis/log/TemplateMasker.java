package io.pipelineguard.diagnosis.log;

/**
 * Turns a cleaned log line into a template by masking its variable parts, Drain-style, so that the
 * same message from two runs has the same template.
 *
 * <p>Masks: URLs ({@code <URL>}), paths (directories dropped, file name kept: {@code
 * <P>/Foo.java:<N>}), numbers with their units, versions, durations, IPs and line:column pairs
 * ({@code <N>}), hexadecimal ids and SHAs ({@code <HEX>}), UUIDs and random-looking names that mix
 * many digits and letters ({@code <ID>}). Runs of spaces become one space. The template is capped
 * at {@value #MAX_TEMPLATE} characters.
 *
 * <p>Cost: one pass over the line with simple character tests; no regular expressions.
 */
public final class TemplateMasker {
  /** Longest template produced; longer lines are cut, which keeps keys bounded. */
  public static final int MAX_TEMPLATE = 400;

  private final StringBuilder sb = new StringBuilder(128);

  /** Masks {@code chars[0..len)}. */
  public String mask(char[] chars, int len) {
    sb.setLength(0);
    int i = 0;
    while (i < len && sb.length() < MAX_TEMPLATE) {
      char c = chars[i];
      if (c == ' ') {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
          sb.append(' ');
        }
        i++;
        continue;
      }
      int end = i;
      while (end < len && chars[end] != ' ') {
        end++;
      }
      maskWord(chars, i, end);
      i = end;
    }
    int n = sb.length();
    while (n > 0 && sb.charAt(n - 1) == ' ') {
      n--;
    }
    sb.setLength(Math.min(n, MAX_TEMPLATE));
    return sb.toString();
  }

  /** Masks one string (convenience for tests). */
  public String mask(String line) {
    char[] chars = line.toCharArray();
    return mask(chars, chars.length);
  }

  private void maskWord(char[] w, int from, int to) {
    int scheme = indexOf(w, from, to, "://");
    if (scheme > from) {
      int p = from;
      while (p < scheme && !Character.isLetter(w[p])) {
        sb.append(w[p]);
        p++;
      }
      sb.append("<URL>");
      // keep closing punctuation such as ')' or '.'
      int q = to;
      while (q > scheme && isClosing(w[q - 1])) {
        q--;
      }
      sb.append(w, q, to - q);
      return;
    }
    int lastSlash = -1;
    int slashes = 0;
    for (int k = from; k < to; k++) {
      char c = w[k];
      if (c == '/' || c == '\\') {
        if (k + 1 < to && w[k + 1] != '/' && k > from || k == from && to - from > 1) {
          slashes++;
          lastSlash = k;
        }
      }
    }
    if (slashes >= 1 && lastSlash > from || slashes >= 2) {
      // a path: keep leading punctuation (quotes, brackets), drop the directories
      int p = from;
      while (p < to && isOpening(w[p])) {
        sb.append(w[p]);
        p++;
      }
      sb.append("<P>/");
      maskPlain(w, lastSlash + 1, to);
      return;
    }
    maskPlain(w, from, to);
  }

  private void maskPlain(char[] w, int from, int to) {
    int i = from;
    while (i < to) {
      char c = w[i];
      if (isAlnum(c)) {
        int end = i;
        while (end < to && isAlnum(w[end])) {
          end++;
        }
        // extend over separators that join numbers: 1.2.3, 12:34, 1,000, 2h0m0s, hex-uuid groups
        boolean startsDigit = isDigit(c);
        if (startsDigit && end - i >= 7 && allHex(w, i, end)) {
          // a SHA or id that happens to start with a digit; long digit runs too, so that a
          // hash made only of digits masks like any other hash
          sb.append("<HEX>");
          i = end;
          continue;
        }
        if (startsDigit) {
          while (end + 1 < to
              && (w[end] == '.' || w[end] == ':' || w[end] == ',' || w[end] == '-')
              && isDigit(w[end + 1])) {
            end++;
            while (end < to && isAlnum(w[end])) {
              end++;
            }
          }
          sb.append("<N>");
        } else {
          appendAlnum(w, i, end);
        }
        i = end;
      } else {
        sb.append(c);
        i++;
      }
    }
  }

  private void appendAlnum(char[] w, int from, int to) {
    int len = to - from;
    int digits = 0;
    int hex = 0;
    for (int k = from; k < to; k++) {
      char c = w[k];
      if (isDigit(c)) {
        digits++;
        hex++;
      } else if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
        hex++;
      }
    }
    if (digits > 0 && len >= 7 && hex == len) {
      sb.append("<HEX>");
      return;
    }
    if (digits > 0 && len >= 12 && hex >= len - 1) {
      sb.append("<HEX>");
      return;
    }
    if (digits >= 3 && len >= 8) {
      sb.append("<ID>");
      return;
    }
    if (digits > 0) {
      // letters then a long number (build12345 → build<N>); short codes such as E0423 stay
      int k = from;
      while (k < to && !isDigit(w[k])) {
        k++;
      }
      boolean allDigitsAfter = true;
      for (int m = k; m < to; m++) {
        if (!isDigit(w[m])) {
          allDigitsAfter = false;
          break;
        }
      }
      if (allDigitsAfter && to - k >= 5) {
        sb.append(w, from, k - from).append("<N>");
        return;
      }
    }
    sb.append(w, from, len);
  }

  private static boolean allHex(char[] w, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = w[k];
      if (!(isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(char[] w, int from, int to, String needle) {
    int n = needle.length();
    outer:
    for (int k = from; k + n <= to; k++) {
      for (int m = 0; m < n; m++) {
        if (w[k + m] != needle.charAt(m)) {
          continue outer;
        }
      }
      return k;
    }
    return -1;
  }

  private static boolean isClosing(char c) {
    return c == ')' || c == ']' || c == '.' || c == ',' || c == '\'' || c == '"' || c == '>';
  }

  private static boolean isOpening(char c) {
    return c == '(' || c == '[' || c == '\'' || c == '"' || c == '`' || c == '<';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlnum(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }
}
