package io.pipelineguard.diagnosis.log;

/**
 * Receives the lines of a log one at a time, as {@link LogLineReader} reads them.
 *
 * <p>The character array is owned by the reader and reused for the next line: a sink that keeps a
 * line must copy it.
 */
@FunctionalInterface
public interface LineSink {
  /**
   * Accepts one line.
   *
   * @param number 1-based line number, counted as {@link java.io.BufferedReader#readLine()} does
   * @param chars the line's characters, without its terminator; valid only during this call
   * @param length number of valid characters in {@code chars}
   * @param truncated whether the line was longer than the reader's limit and was cut
   */
  void accept(int number, char[] chars, int length, boolean truncated);
}
