package io.pipelineguard.bridge.server;

import java.util.List;

/**
 * Writes RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted and their quotes doubled;
 * lines end with CRLF. Guards against formula injection in spreadsheets: a text cell starting with
 * {@code = + - @} (or a tab or CR) gets a leading {@code '}. Numbers are written by the caller as
 * plain values and pass through {@link #number}.
 */
final class CsvWriter {
  private final StringBuilder out = new StringBuilder();

  /** Appends one row of text cells (null is an empty cell). */
  CsvWriter row(List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Object cell = cells.get(i);
      if (cell instanceof Number number) {
        out.append(number(number));
      } else if (cell != null) {
        out.append(quote(guard(cell.toString())));
      }
    }
    out.append("\r\n");
    return this;
  }

  /** Returns the CSV written so far. */
  @Override
  public String toString() {
    return out.toString();
  }

  static String number(Number number) {
    return number.toString();
  }

  /** Prefixes a cell that a spreadsheet would run as a formula with {@code '}. */
  static String guard(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + text
        : text;
  }

  static String quote(String text) {
    boolean needs =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return needs ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
