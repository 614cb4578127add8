package io.pipelineguard.diagnosis;

/**
 * An inclusive range of log lines, 1-based, counted as {@link java.io.BufferedReader#readLine()}
 * splits them ({@code \r\n}, a lone {@code \r} and {@code \n} each end a line).
 *
 * @param first first line of the span, at least 1
 * @param last last line of the span, at least {@code first}
 */
public record LineSpan(int first, int last) {
  /** Checks that the span is non-empty and 1-based. */
  public LineSpan {
    if (first < 1) {
      throw new IllegalArgumentException("first must be >= 1 (1-based line number), was " + first);
    }
    if (last < first) {
      throw new IllegalArgumentException(
          "last must be >= first, was first=" + first + " last=" + last);
    }
  }

  /** Returns the number of lines in the span. */
  public int length() {
    return last - first + 1;
  }

  /** Returns whether {@code line} lies within the span. */
  public boolean contains(int line) {
    return line >= first && line <= last;
  }
}
