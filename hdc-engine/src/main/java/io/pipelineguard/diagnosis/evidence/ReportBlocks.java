package io.pipelineguard.diagnosis.evidence;

import java.util.ArrayDeque;

/**
 * Measures, while a log streams by, how far the report that starts at each evidence line reaches: a
 * test runner's failure report, a compiler's error listing, a stack trace, a linter's findings.
 * Such a report is read whole by a developer, so the evidence span can grow over it.
 *
 * <p>A report goes on over lines that look like part of it: indented lines, continuation lines
 * (stack frames, notes, diff and table rules, see {@link LogScan#isContinuation}), quoted or
 * pointed-at source lines ({@code >}) and lines that a rule matched (the next failure of the same
 * listing). Blank lines neither extend nor end it. It ends at a CI fold or section marker, or at
 * the first {@value #GAP} lines in a row that look like none of these (the runner has moved on to
 * other output); its last line is the last report line before that. A report is at most {@value
 * #MAX_LINES} lines long.
 *
 * <p>Cost: constant work per line (the open reports are resolved in the order they started), and
 * one int per candidate. Not thread-safe.
 */
public final class ReportBlocks {
  /** Longest report (lines, counting its first line). */
  public static final int MAX_LINES = 150;

  /** Lines in a row that do not look like a report and end it. */
  static final int GAP = 2;

  private final ArrayDeque<Candidate> open = new ArrayDeque<>();
  private int lastReportLine;
  private int gap;

  /** Starts measuring the report that begins at {@code c}'s line (its first line counts). */
  void start(Candidate c) {
    c.reportEnd = c.line;
    lastReportLine = c.line;
    gap = 0;
    open.addLast(c);
  }

  /**
   * Observes one non-blank cleaned line.
   *
   * @param number 1-based line number
   * @param c cleaned characters
   * @param n cleaned length, at least 1
   * @param matched whether a rule matched the line
   */
  void line(int number, char[] c, int n, boolean matched) {
    expire(number);
    if (open.isEmpty()) {
      return;
    }
    if (matched || c[0] == '\t' || c[0] == '>' || LogScan.isContinuation(c, n)) {
      lastReportLine = number;
      gap = 0;
    } else if (++gap >= GAP) {
      closeAll();
    }
  }

  /** Observes a CI fold or section marker: it ends every open report. */
  void boundary() {
    closeAll();
  }

  /** Ends the log: closes the open reports. */
  void end() {
    closeAll();
  }

  private void expire(int number) {
    while (!open.isEmpty() && number - open.peekFirst().line >= MAX_LINES) {
      Candidate c = open.pollFirst();
      c.reportEnd = Math.max(c.line, Math.min(lastReportLine, c.line + MAX_LINES - 1));
    }
  }

  private void closeAll() {
    while (!open.isEmpty()) {
      Candidate c = open.pollFirst();
      c.reportEnd = Math.max(c.line, Math.min(lastReportLine, c.line + MAX_LINES - 1));
    }
    gap = 0;
  }
}
