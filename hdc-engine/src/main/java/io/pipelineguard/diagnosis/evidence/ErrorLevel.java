package io.pipelineguard.diagnosis.evidence;

import java.util.Locale;

/**
 * Tells whether a cleaned log line opens with an error log level: a bracketed or colon-ended {@code
 * error} or {@code fatal} word at the start of the line, in any case ({@code [error] ...}, {@code
 * ERROR: ...}, {@code fatal: ...}), as build tools, package managers and loggers that write by
 * level print them. Constant work per line (looks at the first 12 characters). Stateless.
 */
public final class ErrorLevel {
  private static final String[] LEVELS = {"error", "fatal"};

  private ErrorLevel() {}

  /** Returns whether {@code text} starts, after leading blanks, with an error level tag. */
  public static boolean startsWithError(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    boolean bracket = i < text.length() && text.charAt(i) == '[';
    int at = bracket ? i + 1 : i;
    String head = text.substring(at, Math.min(text.length(), at + 6)).toLowerCase(Locale.ROOT);
    for (String level : LEVELS) {
      if (head.startsWith(level) && head.length() > level.length()) {
        char next = head.charAt(level.length());
        if (bracket ? next == ']' : next == ':') {
          return true;
        }
      }
    }
    return false;
  }
}
