package io.pipelineguard.diagnosis.log;

/**
 * What reading a log produced, besides the lines handed to the sink.
 *
 * @param lines number of lines read
 * @param bytes uncompressed bytes read
 * @param truncatedLines number of lines cut at the line limit
 * @param bytesLimitReached whether reading stopped at the byte limit before the end of the log
 * @param corruption null when the log was read to its end; otherwise why reading stopped early (a
 *     truncated or corrupt gzip stream, for example); the lines before that point were delivered
 */
public record ReadResult(
    int lines, long bytes, int truncatedLines, boolean bytesLimitReached, String corruption) {

  /** Returns whether the whole log was read without error or limit. */
  public boolean complete() {
    return !bytesLimitReached && corruption == null;
  }
}
