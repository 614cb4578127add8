package io.pipelineguard.diagnosis.evidence;

import io.pipelineguard.diagnosis.knowledge.Indication;
import java.util.ArrayList;
import java.util.List;

/**
 * A line that looks like evidence, kept while a log is scanned: its template (deduplicated: a
 * repeated template only counts), the indications it matched and the block of continuation lines
 * that follows it. Mutable; owned by one {@link LogScan}.
 */
public final class Candidate {
  /** Continuation lines whose text is kept for display. */
  static final int KEPT_LINES = 12;

  /** Lines right after the line whose text is kept, continuation or not. */
  public static final int FOLLOWING_LINES = 8;

  /** Characters of a line's text kept for display. */
  static final int KEPT_CHARS = 300;

  final int line;
  final String template;
  final List<Indication> indications;
  final double lineScore;
  final List<String> texts = new ArrayList<>(2);
  final List<String> following = new ArrayList<>(0);
  int blockEnd;
  int reportEnd;
  int lastLine;
  int count = 1;
  boolean inPassLog;

  Candidate(int line, String template, String text, List<Indication> indications, double score) {
    this.line = line;
    this.template = template;
    this.indications = List.copyOf(indications);
    this.lineScore = score;
    this.blockEnd = line;
    this.lastLine = line;
    this.reportEnd = line;
    this.texts.add(text);
  }

  /** Returns the 1-based line number of the first occurrence. */
  public int line() {
    return line;
  }

  /** Returns the masked template. */
  public String template() {
    return template;
  }

  /** Returns the indications the line matched. */
  public List<Indication> indications() {
    return indications;
  }

  /** Returns the evidence score of the line (sum of matched weights, before pass-log damping). */
  public double lineScore() {
    return lineScore;
  }

  /** Returns the last line of the block (the line and its continuation). */
  public int blockEnd() {
    return blockEnd;
  }

  /**
   * Returns the last line of the report that starts at this line (a failure report, an error
   * listing, see {@link ReportBlocks}); the line itself when it starts none.
   */
  public int reportEnd() {
    return reportEnd;
  }

  /**
   * Returns the line of the last occurrence of this template so far (its first: {@link #line()}).
   */
  public int lastLine() {
    return lastLine;
  }

  /** Returns how many lines had this template. */
  public int count() {
    return count;
  }

  /** Returns whether the template also occurs in the passing log. */
  public boolean inPassLog() {
    return inPassLog;
  }

  /** Returns the kept text of the line and of its first continuation lines. */
  public List<String> texts() {
    return texts;
  }

  /**
   * Returns the text of the lines right after the line (blank ones as empty strings), whether or
   * not they continue it, at most {@value #FOLLOWING_LINES}: the details a test runner or compiler
   * prints under its first error line without indenting them.
   */
  public List<String> following() {
    return following;
  }

  /** Returns the score after damping lines that also occur in the passing log. */
  public double effectiveScore() {
    return inPassLog ? lineScore * 0.1 : lineScore;
  }
}
