package io.pipelineguard.diagnosis.evidence;

import java.util.Arrays;

/**
 * The runs of lines of a failing log that the last passing log of the same job does not have (their
 * template never occurs there): what is new in this failure. A run bridges at most {@value
 * #MAX_GAP} blank or also-passing lines, and goes on over continuation lines (stack frames,
 * indented lines), so a new exception with familiar frames stays one run.
 *
 * <p>Fed line by line in order ({@link #accept}); memory is two {@code int}s per run, at most
 * {@value #MAX_RUNS} runs (later runs are dropped). {@link #runContaining} is a binary search. Not
 * thread-safe.
 */
public final class NewLineRuns {
  /** Blank or also-passing lines a run may bridge. */
  public static final int MAX_GAP = 2;

  /** Bound on kept runs. */
  public static final int MAX_RUNS = 200_000;

  private int[] firsts = new int[64];
  private int[] lasts = new int[64];
  private int size;
  private int openFirst = -1;
  private int openLast = -1;
  private int gap;

  /**
   * Records one line.
   *
   * @param number 1-based line number, increasing from call to call
   * @param isNew whether the line is non-blank and its template does not occur in the passing log
   * @param continues whether the line continues the message above it (a stack frame, an indented
   *     line): it extends an open run even when the passing log has it too, so a new exception's
   *     familiar frames stay with it
   */
  public void accept(int number, boolean isNew, boolean continues) {
    if (!isNew && !(continues && openFirst > 0)) {
      if (openFirst > 0 && ++gap > MAX_GAP) {
        close();
      }
      return;
    }
    if (openFirst < 0) {
      openFirst = number;
    }
    openLast = number;
    gap = 0;
  }

  private void close() {
    if (openFirst > 0 && size < MAX_RUNS) {
      if (size == firsts.length) {
        firsts = Arrays.copyOf(firsts, size * 2);
        lasts = Arrays.copyOf(lasts, size * 2);
      }
      firsts[size] = openFirst;
      lasts[size] = openLast;
      size++;
    }
    openFirst = -1;
    openLast = -1;
    gap = 0;
  }

  /** Ends the log: closes the open run. */
  public void end() {
    close();
  }

  /** Returns the number of runs kept. */
  public int size() {
    return size;
  }

  /**
   * Returns {@code {first, last}} of the run containing {@code line}, or null when the line is not
   * new. Logarithmic in the number of runs.
   */
  public int[] runContaining(int line) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (lasts[mid] < line) {
        lo = mid + 1;
      } else if (firsts[mid] > line) {
        hi = mid - 1;
      } else {
        return new int[] {firsts[mid], lasts[mid]};
      }
    }
    return null;
  }
}
