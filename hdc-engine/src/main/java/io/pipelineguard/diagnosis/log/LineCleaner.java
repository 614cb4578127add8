package io.pipelineguard.diagnosis.log;

/**
 * Cleans one raw log line in place of a reusable buffer: removes ANSI escape sequences and other
 * control characters, CI fold and section markers (Travis {@code travis_fold}/{@code travis_time},
 * GitHub Actions {@code ##[group]}, GitLab {@code section_start}/{@code section_end}) and a leading
 * timestamp (ISO-8601 as GitHub Actions and Jenkins print it, bracketed or bare clock times).
 *
 * <p>Cost: one pass over the line's characters with no allocation. Not thread-safe: use one
 * instance per reading thread.
 */
public final class LineCleaner {
  private char[] out;
  private int length;
  private boolean marker;

  /** Creates a cleaner whose buffer grows to the longest line it sees. */
  public LineCleaner() {
    out = new char[256];
  }

  /**
   * Cleans {@code chars[0..len)}; read the result with {@link #chars()} and {@link #length()}.
   *
   * @return the cleaned length
   */
  public int clean(char[] chars, int len) {
    if (out.length < len) {
      out = new char[Math.max(len, out.length * 2)];
    }
    marker = false;
    int n = stripControls(chars, len);
    int lead = 0;
    while (lead < n && out[lead] == ' ') {
      lead++;
    }
    int start = skipMarkers(lead, n);
    start = skipTimestamp(start, n);
    start = skipMarkers(start, n);
    if (start == lead) {
      start = 0; // nothing stripped: keep the indentation, it marks continuation lines
    }
    int end = n;
    while (end > start && (out[end - 1] == ' ' || out[end - 1] == '\t')) {
      end--;
    }
    if (start > 0) {
      System.arraycopy(out, start, out, 0, end - start);
    }
    length = end - start;
    return length;
  }

  /** Returns the buffer holding the last cleaned line; valid until the next call. */
  public char[] chars() {
    return out;
  }

  /** Returns the length of the last cleaned line. */
  public int length() {
    return length;
  }

  /** Returns the number of leading spaces of the last cleaned line (tabs count as one). */
  public int indent() {
    int i = 0;
    while (i < length && out[i] == ' ') {
      i++;
    }
    return i;
  }

  /** Returns whether the last line was (or began with) a CI fold/section marker. */
  public boolean wasMarker() {
    return marker;
  }

  /** Convenience for tests and single lines: cleans a string. */
  public String clean(String line) {
    char[] chars = line.toCharArray();
    int n = clean(chars, chars.length);
    return new String(out, 0, n);
  }

  private int stripControls(char[] in, int len) {
    int n = 0;
    int i = 0;
    while (i < len) {
      int run = i;
      while (i < len && in[i] >= 0x20 && in[i] != 0x7f) {
        i++; // a run without control characters (usually the whole line) is copied at once
      }
      System.arraycopy(in, run, out, n, i - run);
      n += i - run;
      if (i == len) {
        break;
      }
      char c = in[i];
      if (c == 0x1b) {
        i = skipEscape(in, i + 1, len);
        continue;
      }
      if (c == '\t') {
        out[n++] = ' ';
      }
      i++;
    }
    return n;
  }

  /** Returns the index after the escape sequence whose ESC precedes {@code i}. */
  private static int skipEscape(char[] in, int i, int len) {
    if (i >= len) {
      return i;
    }
    char c = in[i];
    if (c == '[') {
      i++;
      while (i < len && (in[i] < 0x40 || in[i] > 0x7e)) {
        if (in[i] < 0x20) {
          return i;
        }
        i++;
      }
      return Math.min(len, i + 1);
    }
    if (c == ']') {
      i++;
      while (i < len) {
        if (in[i] == 0x07) {
          return i + 1;
        }
        if (in[i] == 0x1b && i + 1 < len && in[i + 1] == '\\') {
          return i + 2;
        }
        i++;
      }
      return len;
    }
    if (c == '(' || c == ')') {
      return Math.min(len, i + 2);
    }
    return i + 1;
  }

  private int skipMarkers(int start, int n) {
    int s = start;
    if (startsWith(s, n, "travis_fold:") || startsWith(s, n, "travis_time:")) {
      marker = true;
      return n;
    }
    if (startsWith(s, n, "section_start:") || startsWith(s, n, "section_end:")) {
      marker = true;
      int colons = 0;
      int i = s;
      while (i < n && colons < 2) {
        if (out[i] == ':') {
          colons++;
        }
        i++;
      }
      while (i < n && out[i] != ' ' && out[i] != '[') {
        i++;
      }
      while (i < n && out[i] == ' ') {
        i++;
      }
      return i;
    }
    if (startsWith(s, n, "##[group]") || startsWith(s, n, "##[endgroup]")) {
      marker = true;
      int i = s + 2;
      while (i < n && out[i] != ']') {
        i++;
      }
      return Math.min(n, i + 1);
    }
    if (startsWith(s, n, "[command]")) {
      return s + 9;
    }
    return s;
  }

  private int skipTimestamp(int start, int n) {
    int i = start;
    boolean bracket = i < n && out[i] == '[';
    if (bracket) {
      i++;
    }
    int afterDate = isoDate(i, n);
    if (afterDate > 0) {
      i = afterDate;
      if (i < n && (out[i] == 'T' || out[i] == ' ')) {
        int afterTime = clockTime(i + 1, n);
        if (afterTime > 0) {
          i = afterTime;
        } else if (out[i] == 'T') {
          return start;
        }
      }
    } else {
      int afterTime = clockTime(i, n);
      if (afterTime < 0) {
        return start;
      }
      i = afterTime;
    }
    // fraction, zone
    if (i < n && (out[i] == '.' || out[i] == ',')) {
      i++;
      while (i < n && isDigit(out[i])) {
        i++;
      }
    }
    if (i < n && out[i] == 'Z') {
      i++;
    } else if (i + 5 < n && (out[i] == '+' || out[i] == '-') && isDigit(out[i + 1])) {
      i += 3;
      if (i < n && out[i] == ':') {
        i++;
      }
      while (i < n && isDigit(out[i])) {
        i++;
      }
    }
    if (bracket) {
      if (i < n && out[i] == ']') {
        i++;
      } else {
        return start;
      }
    } else if (i < n && out[i] != ' ') {
      return start;
    }
    if (i < n && out[i] == ' ') {
      i++; // one separator; further spaces are the line's own indentation
    }
    return i;
  }

  /** Matches {@code YYYY-MM-DD} at i; returns the index after it, or -1. */
  private int isoDate(int i, int n) {
    if (i + 10 > n) {
      return -1;
    }
    for (int k = 0; k < 10; k++) {
      char c = out[i + k];
      boolean dash = k == 4 || k == 7;
      if (dash ? c != '-' : !isDigit(c)) {
        return -1;
      }
    }
    return i + 10;
  }

  /** Matches {@code H:MM:SS} or {@code HH:MM:SS} at i; returns the index after it, or -1. */
  private int clockTime(int i, int n) {
    int j = i;
    int digits = 0;
    while (j < n && isDigit(out[j]) && digits < 2) {
      j++;
      digits++;
    }
    if (digits == 0 || j + 6 > n) {
      return -1;
    }
    if (out[j] != ':'
        || !isDigit(out[j + 1])
        || !isDigit(out[j + 2])
        || out[j + 3] != ':'
        || !isDigit(out[j + 4])
        || !isDigit(out[j + 5])) {
      return -1;
    }
    return j + 6;
  }

  private boolean startsWith(int s, int n, String prefix) {
    int len = prefix.length();
    if (s + len > n) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (out[s + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
