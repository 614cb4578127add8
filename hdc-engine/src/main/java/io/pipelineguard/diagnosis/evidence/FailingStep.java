package io.pipelineguard.diagnosis.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the first failing step of a CI job while its log streams by: the line where the CI (or the
 * build tool) says a command failed, the line where that command started, the command's text, and
 * the last lines printed before the failure (usually the error itself).
 *
 * <p>Failure markers recognised (on cleaned lines): Travis {@code The command "..." exited with N}
 * (N not 0) and {@code ... failed and exited with N}, GitHub Actions {@code ##[error]Process
 * completed with exit code N}, GitLab {@code ERROR: Job failed}, Jenkins {@code ERROR: script
 * returned exit code N} and {@code Finished: FAILURE}, Maven/Gradle {@code BUILD FAILURE}, {@code
 * BUILD FAILED} and {@code FAILURE: Build failed}, R CMD check's verdict {@code Status: N ERROR...}
 * (or {@code N WARNING...}: CI setups for R usually treat warnings as errors), and Travis's closing
 * {@code Done. Your build exited with N}. Step starts: a {@code $ command} line (Travis, GitLab), a
 * GitHub Actions {@code Run command} group, a Maven mojo header {@code [INFO] --- plugin:goal} and
 * a Gradle {@code > Task :name} line.
 *
 * <p>The kept lines are those before the first strong marker (a CI's own "command failed"), or
 * before the end of the log when only build-tool markers were seen: Maven prints its errors after
 * {@code BUILD FAILURE}. R CMD check prints its verdict after its errors, so the kept lines stop
 * there (what follows is usually an after-failure dump of the check's files).
 *
 * <p>Cost: a few character comparisons per line, plus a copy of at most {@value #KEPT_CHARS}
 * characters of each non-blank line into a fixed ring of {@value #TAIL} lines until the failure is
 * found; no per-line allocation. Not thread-safe.
 */
public final class FailingStep {
  /** Lines before the failure marker that are kept for display. */
  public static final int TAIL = 64;

  static final int KEPT_CHARS = 300;

  private final char[][] ring = new char[TAIL][KEPT_CHARS];
  private final int[] ringLen = new int[TAIL];
  private final int[] ringLine = new int[TAIL];
  private int ringCount;
  private int stepStart;
  private String stepCommand = "";
  private int failLine;
  private String failText = "";
  private int failStepStart;
  private String failCommand = "";
  private int weakFailLine;
  private boolean tailClosed;
  private boolean quotedSeen;
  private boolean persistentMachine;
  private int openQuoteLine; // a Travis "The command \"..." line whose quote closes further down
  private String openQuoteCommand = "";
  private int scriptHeaderLine; // npm's "> name@version script /dir" line of the current step
  private int laterStepStart; // the step that runs after the first failing one (0: none yet)
  private int laterFailLine;
  private String laterFailText = "";

  /**
   * Observes one cleaned line.
   *
   * @param number 1-based line number
   * @param c the cleaned characters
   * @param n the cleaned length
   * @param marker whether the line was a CI fold/section marker (its rest is in {@code c})
   */
  public void accept(int number, char[] c, int n, boolean marker) {
    if (n == 0) {
      return;
    }
    if (failLine > 0) {
      if (laterFailLine == 0) {
        watchLaterStep(number, c, n, marker);
      }
      return;
    }
    int kind = classify(c, n, marker);
    String quoted = null;
    if (kind == NONE && openQuoteLine > 0 && number - openQuoteLine <= MULTI_LINE_COMMAND) {
      kind = closesQuotedCommand(c, n) ? FAILURE : NONE;
      quoted = kind == FAILURE ? openQuoteCommand : null;
      openQuoteLine = lastIndexOf(c, n, "\" exited with ") >= 0 ? 0 : openQuoteLine;
    } else if (kind == NONE
        && startsWith(c, n, "The command \"")
        && lastIndexOf(c, n, "\" exited with ") < 0) {
      openQuoteLine = number; // a multi-line command: its exit status comes on a later line
      openQuoteCommand = new String(c, 13, Math.min(n - 13, KEPT_CHARS));
    }
    if (kind == PERSISTENT_MACHINE) {
      persistentMachine = true;
    } else if (kind == STEP_START) {
      stepStart = number;
      stepCommand = commandOf(c, n, marker);
      scriptHeaderLine = 0;
    } else if (kind == FAILURE) {
      failLine = number;
      failText = new String(c, 0, Math.min(n, KEPT_CHARS));
      if (quoted == null) {
        quoted = quotedCommand(c, n);
      }
      if (weakFailLine == 0) {
        failStepStart = stepStart;
        failCommand = stepCommand;
      }
      if (quoted != null) {
        // the step's own command, with the script npm ran for it, when the marker names that step
        failCommand = stepCommand.startsWith(quoted) ? stepCommand : quoted;
        quotedSeen = true;
      }
      return;
    } else if (kind == WEAK_FAILURE || kind == BUILD_END || kind == VERDICT) {
      if (weakFailLine == 0) {
        tailClosed = kind == VERDICT;
        weakFailLine = number;
        // Travis's closing line follows after_* steps: the failing step is not the last one
        failStepStart = kind == BUILD_END ? 0 : stepStart;
        failCommand = kind == BUILD_END ? "" : stepCommand;
      }
      return;
    }
    if (marker) {
      return;
    }
    noteScript(number, c, n);
    if (tailClosed) {
      return;
    }
    int slot = ringCount % TAIL;
    int len = Math.min(n, KEPT_CHARS);
    System.arraycopy(c, 0, ring[slot], 0, len);
    ringLen[slot] = len;
    ringLine[slot] = number;
    ringCount++;
  }

  /**
   * After the first failure: notes where the next step starts and where the next CI "command
   * failed" marker is (a later script command, an after-failure or deploy step that fails too).
   */
  private void watchLaterStep(int number, char[] c, int n, boolean marker) {
    int kind = classify(c, n, marker);
    if (kind == STEP_START) {
      laterStepStart = number;
    } else if (kind == FAILURE && laterStepStart > 0) {
      laterFailLine = number;
      laterFailText = new String(c, 0, Math.min(n, KEPT_CHARS));
    }
  }

  static final int NONE = 0;
  static final int STEP_START = 1;
  static final int FAILURE = 2;
  static final int WEAK_FAILURE = 3;
  static final int BUILD_END = 4;
  static final int PERSISTENT_MACHINE = 5;
  static final int VERDICT = 6;

  /** Lines a Travis command quoted over several lines may span before its exit status. */
  static final int MULTI_LINE_COMMAND = 20;

  /**
   * Whether a line ends a multi-line quoted Travis command with a failure: {@code " exited with N}
   * (N not 0) or {@code " failed}.
   */
  static boolean closesQuotedCommand(char[] c, int n) {
    int at = lastIndexOf(c, n, "\" exited with ");
    if (at >= 0) {
      int d = at + 14;
      return d < n && c[d] >= '1' && c[d] <= '9';
    }
    return lastIndexOf(c, n, "\" failed") >= 0;
  }

  /** Classifies a cleaned line as a step start, a failure marker or neither. */
  static int classify(char[] c, int n, boolean marker) {
    switch (c[0]) {
      case '$':
        return n > 2 && c[1] == ' ' ? STEP_START : NONE;
      case 'R':
        return marker && startsWith(c, n, "Run ") ? STEP_START : NONE;
      case '>':
        return startsWith(c, n, "> Task :") ? STEP_START : NONE;
      case 'T':
        if (startsWith(c, n, "The command \"")) {
          int at = lastIndexOf(c, n, "\" exited with ");
          if (at > 0) {
            int d = at + 14;
            return d < n && c[d] >= '1' && c[d] <= '9' ? FAILURE : NONE;
          }
          return lastIndexOf(c, n, "\" failed") > 0 ? FAILURE : NONE;
        }
        return NONE;
      case '#':
        return startsWith(c, n, "##[error]Process completed with exit code ") ? FAILURE : NONE;
      case 'E':
        return startsWith(c, n, "ERROR: Job failed")
                || startsWith(c, n, "ERROR: script returned exit code")
            ? FAILURE
            : NONE;
      case 'F':
        return startsWith(c, n, "Finished: FAILURE")
                || startsWith(c, n, "FAILURE: Build failed")
                || startsWith(c, n, "Finished: ABORTED")
            ? FAILURE
            : NONE;
      case 'D':
        return startsWith(c, n, "Done. Your build exited with ") ? BUILD_END : NONE;
      case 'S':
        return checkVerdictFailed(c, n) ? VERDICT : NONE;
      case 'U':
        return startsWith(c, n, "Using Shell executor") ? PERSISTENT_MACHINE : NONE;
      case 'P':
        return startsWith(c, n, "Preparing the \"shell\" executor") ? PERSISTENT_MACHINE : NONE;
      case 'B':
        return startsWith(c, n, "BUILD FAILURE") || startsWith(c, n, "BUILD FAILED")
            ? WEAK_FAILURE
            : NONE;
      case '[':
        if (startsWith(c, n, "[INFO] --- ")) {
          return STEP_START;
        }
        return startsWith(c, n, "[INFO] BUILD FAILURE") || startsWith(c, n, "[ERROR] BUILD FAILURE")
            ? WEAK_FAILURE
            : NONE;
      default:
        return NONE;
    }
  }

  /**
   * Whether a line is R CMD check's closing verdict with errors or warnings: {@code Status:}, a
   * count, then {@code ERROR} or {@code WARNING} (as in {@code Status: 1 ERROR, 2 NOTEs}).
   */
  static boolean checkVerdictFailed(char[] c, int n) {
    if (!startsWith(c, n, "Status: ")) {
      return false;
    }
    int i = 8;
    while (i < n && c[i] >= '0' && c[i] <= '9') {
      i++;
    }
    if (i == 8 || i >= n || c[i] != ' ' || c[8] == '0') {
      return false;
    }
    return startsAt(c, n, i + 1, "ERROR") || startsAt(c, n, i + 1, "WARNING");
  }

  private static boolean startsAt(char[] c, int n, int at, String p) {
    if (n - at < p.length()) {
      return false;
    }
    for (int k = 0; k < p.length(); k++) {
      if (c[at + k] != p.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Package-manager scripts name the real command on the line after their header ({@code > name@1.0
   * test /dir}, then {@code > eslint . && mocha}): that line is added to the step's command, so
   * command rules see what {@code npm test} actually ran.
   */
  private void noteScript(int number, char[] c, int n) {
    if (n < 3 || c[0] != '>' || c[1] != ' ' || stepStart == 0) {
      return;
    }
    if (scriptHeaderLine == 0) {
      if (number - stepStart <= 3 && indexOf(c, n, '@') > 2) {
        scriptHeaderLine = number;
      }
    } else if (number == scriptHeaderLine + 1 && stepCommand.length() < KEPT_CHARS) {
      int room = KEPT_CHARS - stepCommand.length();
      stepCommand = stepCommand + " " + new String(c, 2, Math.min(n - 2, room));
      scriptHeaderLine = -1; // one script line per step
    }
  }

  private static int indexOf(char[] c, int n, char x) {
    for (int i = 0; i < n; i++) {
      if (c[i] == x) {
        return i;
      }
    }
    return -1;
  }

  private static String commandOf(char[] c, int n, boolean marker) {
    int from = c[0] == '$' ? 2 : marker && c[0] == 'R' ? 4 : 0;
    return new String(c, from, Math.min(n - from, KEPT_CHARS));
  }

  private static String quotedCommand(char[] c, int n) {
    if (!startsWith(c, n, "The command \"")) {
      return null;
    }
    int end = lastIndexOf(c, n, "\" ");
    if (end <= 13) {
      return null;
    }
    return new String(c, 13, Math.min(end - 13, KEPT_CHARS));
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

  private static int lastIndexOf(char[] c, int n, String p) {
    outer:
    for (int i = n - p.length(); i >= 0; i--) {
      for (int k = 0; k < p.length(); k++) {
        if (c[i + k] != p.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Ends the log: when no failure marker was seen, the last line counts as a weak one (a log that
   * stops without saying why usually stops where the job died: killed, timed out, or cut), with the
   * last step seen as the failing step.
   *
   * @param lastLine the number of the log's last line
   */
  public void endOfLog(int lastLine) {
    if (found() || lastLine <= 0) {
      return;
    }
    weakFailLine = lastLine + 1;
    failStepStart = stepStart;
    failCommand = stepCommand;
  }

  /**
   * Returns whether the job ran on a machine that is not recreated for each job (a GitLab shell
   * executor), so what fills it (its disk) is still there when the job is retried.
   */
  public boolean persistentMachine() {
    return persistentMachine;
  }

  /** Returns whether a failure marker was seen (a strong one, or a weak closing one). */
  public boolean found() {
    return failLine() > 0;
  }

  /** Returns the line of the first failure marker, or 0 when none. */
  public int failLine() {
    if (weakFailLine > 0 && (failLine == 0 || weakFailLine < failLine)) {
      return weakFailLine;
    }
    return failLine;
  }

  /**
   * Returns the line of the CI's own "command failed" marker (Travis {@code The command "..."
   * exited with N}, GitHub {@code ##[error]Process completed...}, GitLab, Jenkins), or 0 when the
   * log has none; unlike {@link #failLine()} never a build tool's summary or the end of the log.
   */
  public int ciMarkerLine() {
    return failLine;
  }

  /** Returns the cleaned text of {@link #ciMarkerLine()} (cut to 300 characters; empty if none). */
  public String ciMarkerText() {
    return failText;
  }

  /**
   * Returns the line of the next CI "command failed" marker after {@link #ciMarkerLine()} that ends
   * a later step (one that started after the first failure: a later script command, an after-script
   * or deploy step), or 0 when no later step failed.
   */
  public int laterFailLine() {
    return laterFailLine;
  }

  /**
   * Returns the cleaned text of {@link #laterFailLine()} (cut to 300 characters; empty if none).
   */
  public String laterFailText() {
    return laterFailText;
  }

  /** Returns the line where the later failing step ({@link #laterFailLine()}) started, or 0. */
  public int laterStepStart() {
    return laterFailLine > 0 ? laterStepStart : 0;
  }

  /** Returns the line where the failing step started, or 0 when unknown. */
  public int stepStart() {
    return failStepStart;
  }

  /**
   * Returns whether the failing command is known from a CI's own failure marker (not guessed from a
   * build tool's summary or the end of the log).
   */
  public boolean commandKnown() {
    return failLine > 0 && (weakFailLine == 0 || failLine < weakFailLine || quotedSeen);
  }

  /** Returns the failing command's text (empty when unknown). */
  public String command() {
    return failCommand;
  }

  /**
   * Returns the last non-blank, non-marker lines before the failure marker, oldest first, as {@code
   * [line, text]} pairs (at most {@value #TAIL}); empty when no failure was found.
   */
  public List<TailLine> tail() {
    List<TailLine> out = new ArrayList<>();
    if (!found()) {
      return out;
    }
    int count = Math.min(ringCount, TAIL);
    for (int i = ringCount - count; i < ringCount; i++) {
      int slot = i % TAIL;
      out.add(new TailLine(ringLine[slot], new String(ring[slot], 0, ringLen[slot])));
    }
    return out;
  }

  /**
   * A line printed shortly before the failure marker.
   *
   * @param number 1-based line number
   * @param text cleaned text, cut to 300 characters
   */
  public record TailLine(int number, String text) {}
}
