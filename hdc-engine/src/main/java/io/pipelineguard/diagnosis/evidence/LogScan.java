package io.pipelineguard.diagnosis.evidence;

import io.pipelineguard.diagnosis.knowledge.Indication;
import io.pipelineguard.diagnosis.knowledge.KnowledgeBase;
import io.pipelineguard.diagnosis.log.LineCleaner;
import io.pipelineguard.diagnosis.log.LineSink;
import io.pipelineguard.diagnosis.log.TemplateMasker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single streaming pass over a failing log: cleans each line, runs the knowledge base's
 * prefilter and rules, and keeps the lines that look like evidence ({@link Candidate}s, one per
 * distinct template) with the block of continuation lines after each.
 *
 * <p>Memory is bounded by {@code maxCandidates} candidates of at most {@value Candidate#KEPT_LINES}
 * short lines each, whatever the size of the log. Not thread-safe.
 */
public final class LogScan implements LineSink {
  /** Longest block of continuation lines after an evidence line. */
  static final int MAX_BLOCK = 40;

  private final KnowledgeBase.LineMatcher matcher;
  private final Set<String> passTemplates;
  private final int maxCandidates;
  private final LineCleaner cleaner = new LineCleaner();
  private final TemplateMasker masker = new TemplateMasker();
  private final Map<String, Candidate> byTemplate = new HashMap<>();
  private final FailingStep step = new FailingStep();
  private final NewLineRuns newRuns;
  private final ReportBlocks reports = new ReportBlocks();
  private boolean previousErrorLevel;
  private final List<Candidate> capturing = new ArrayList<>();
  private Candidate open;
  private int blankRun;
  private int lines;

  /**
   * Creates a scan.
   *
   * @param knowledge the rules
   * @param passTemplates templates of the last passing log of the same job (empty when unknown)
   * @param maxCandidates bound on kept candidates
   */
  public LogScan(KnowledgeBase knowledge, Set<String> passTemplates, int maxCandidates) {
    this.matcher = knowledge.newMatcher();
    this.passTemplates = passTemplates;
    this.maxCandidates = maxCandidates;
    this.newRuns = passTemplates.isEmpty() ? null : new NewLineRuns();
  }

  @Override
  public void accept(int number, char[] chars, int length, boolean truncated) {
    lines = number;
    int n = cleaner.clean(chars, length);
    char[] c = cleaner.chars();
    step.accept(number, c, n, cleaner.wasMarker());
    String lineTemplate = null;
    if (newRuns != null) {
      if (n > 0) {
        lineTemplate = masker.mask(c, n);
      }
      boolean errorLevel = n > 0 && startsWithErrorLevel(c, n);
      newRuns.accept(
          number,
          lineTemplate != null && !passTemplates.contains(lineTemplate),
          n > 0 && (isContinuation(c, n) || (errorLevel && previousErrorLevel)));
      previousErrorLevel = errorLevel;
    }
    if (!capturing.isEmpty()) {
      captureFollowing(number, c, n);
    }
    if (cleaner.wasMarker() && n == 0) {
      open = null;
      reports.boundary();
      return;
    }
    if (open != null) {
      extendBlock(number, c, n);
    }

    if (n == 0) {
      return;
    }
    List<Indication> matched = matcher.match(c, n);
    if (cleaner.wasMarker()) {
      reports.boundary();
    } else {
      reports.line(number, c, n, !matched.isEmpty());
    }
    if (matched.isEmpty()) {
      return;
    }
    double score = 0;
    boolean votes = false;
    for (Indication ind : matched) {
      score += ind.weight();
      votes |= ind.category().isPresent();
    }
    if (score <= 0.25 && !votes) {
      return;
    }
    String template = lineTemplate != null ? lineTemplate : masker.mask(c, n);
    Candidate existing = byTemplate.get(template);
    if (existing != null) {
      existing.count++;
      if (number <= existing.blockEnd + 3) {
        existing.blockEnd = Math.max(existing.blockEnd, number);
      }
      existing.lastLine = number;
      return;
    }
    if (score <= 0 && votes) {
      score = 0.1;
    }
    Candidate cand = new Candidate(number, template, text(c, n), matched, Math.max(score, 0.1));
    cand.inPassLog = passTemplates.contains(template);
    byTemplate.put(template, cand);
    open = cand;
    capturing.add(cand);
    reports.start(cand);
    blankRun = 0;
    if (byTemplate.size() >= 2 * maxCandidates) {
      prune();
    }
  }

  private void extendBlock(int number, char[] c, int n) {
    if (number - open.line > MAX_BLOCK) {
      open = null;
      return;
    }
    if (n == 0) {
      if (++blankRun >= 2) {
        open = null;
      }
      return;
    }
    if (!isContinuation(c, n)) {
      open = null;
      return;
    }
    blankRun = 0;
    open.blockEnd = number;
    if (open.texts.size() < Candidate.KEPT_LINES) {
      open.texts.add(text(c, n));
    }
  }

  private void captureFollowing(int number, char[] c, int n) {
    for (int i = capturing.size() - 1; i >= 0; i--) {
      Candidate cand = capturing.get(i);
      if (number - cand.line > Candidate.FOLLOWING_LINES) {
        capturing.remove(i);
      } else {
        cand.following.add(n == 0 ? "" : text(c, n));
      }
    }
  }

  /** Whether a line continues the message above it: indented, a stack frame, a note. */
  static boolean isContinuation(char[] c, int n) {
    char first = c[0];
    if (first == ' ') {
      return true;
    }
    if (first == '|' || first == '^' || first == '~' || first == '=' || first == '+') {
      return true;
    }
    if (first == '-' && n > 1 && (c[1] == '-' || c[1] == '>' || c[1] == ' ')) {
      return true;
    }
    return startsWith(c, n, "at ")
        || startsWith(c, n, "Caused by")
        || startsWith(c, n, "File \"")
        || startsWith(c, n, "E ")
        || startsWith(c, n, "note:")
        || startsWith(c, n, "help:")
        || startsWith(c, n, "...")
        || startsWith(c, n, "Expected")
        || startsWith(c, n, "Actual")
        || startsWith(c, n, "expected")
        || startsWith(c, n, "stack traceback")
        || startsWith(c, n, "[C]");
  }

  /**
   * Whether a line carries an error level tag ({@code [ERROR]}, {@code ERROR:}): consecutive such
   * lines are one message of the build tool (Maven's closing error block).
   */
  static boolean startsWithErrorLevel(char[] c, int n) {
    return startsWith(c, n, "[ERROR]") || startsWith(c, n, "ERROR:");
  }

  private static boolean startsWith(char[] c, int n, String p) {
    if (n < p.length()) {
      return false;
    }
    for (int i = 0; i < p.length(); i++) {
      if (c[i] != p.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String text(char[] c, int n) {
    return new String(c, 0, Math.min(n, Candidate.KEPT_CHARS));
  }

  private void prune() {
    List<Candidate> all = new ArrayList<>(byTemplate.values());
    all.sort(Comparator.comparingDouble(Candidate::effectiveScore).reversed());
    for (int i = maxCandidates; i < all.size(); i++) {
      byTemplate.remove(all.get(i).template);
      if (all.get(i) == open) {
        open = null;
      }
    }
  }

  /** Returns the kept candidates ordered by line. */
  public List<Candidate> candidates() {
    List<Candidate> all = new ArrayList<>(byTemplate.values());
    if (all.size() > maxCandidates) {
      all.sort(Comparator.comparingDouble(Candidate::effectiveScore).reversed());
      all = all.subList(0, maxCandidates);
    }
    all = new ArrayList<>(all);
    all.sort(Comparator.comparingInt(Candidate::line));
    return Collections.unmodifiableList(all);
  }

  /**
   * Returns the runs of lines the passing log does not have, or null when no passing log was given.
   * Complete once the log has ended ({@link #endOfLog(int)}).
   */
  public NewLineRuns newLineRuns() {
    return newRuns;
  }

  /**
   * Ends the log: completes the failing step and the runs of new lines.
   *
   * @param lastLine the number of lines the reader counted
   */
  public void endOfLog(int lastLine) {
    step.endOfLog(lastLine);
    reports.end();
    if (newRuns != null) {
      newRuns.end();
    }
  }

  /** Returns what was found about the first failing step. */
  public FailingStep failingStep() {
    return step;
  }

  /** Returns the number of lines seen. */
  public int lines() {
    return lines;
  }
}
