package io.pipelineguard.diagnosis.log;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CI log as a stream of lines with bounded memory, plain or gzip-compressed (detected from
 * the first two bytes), decoding UTF-8 with replacement of malformed bytes.
 *
 * <p>Lines end at {@code \r\n}, a lone {@code \r} or {@code \n}, exactly as {@link
 * java.io.BufferedReader#readLine()} counts them, so line numbers match what a person sees. A line
 * longer than {@link ReadLimits#maxLineChars()} is cut to that length: its head and its last {@link
 * #TAIL_CHARS} characters (a quarter of the limit at most) are kept, joined by {@code " ... "}, the
 * middle is skipped, and the line still counts as one. The tail is kept because a long command line
 * says how it ended at its end (a compiler process "... (signal: 9, SIGKILL: kill)"). Memory is
 * O(maxLineChars + 64 KiB) whatever the size of the log. A corrupt or truncated gzip stream ends
 * the read early: the lines before the damage are delivered and the result says what went wrong.
 *
 * <p>Cost: one pass over the bytes; no per-line allocation.
 */
public final class LogLineReader {
  /** Characters kept of the end of an over-long line (at most a quarter of the line limit). */
  public static final int TAIL_CHARS = 256;

  private static final char[] ELISION = " ... ".toCharArray();

  private static final int CHUNK = 1 << 16;

  private LogLineReader() {}

  /**
   * Reads the log file at {@code path}.
   *
   * @throws IOException when the file cannot be opened
   */
  public static ReadResult read(Path path, ReadLimits limits, LineSink sink) throws IOException {
    Objects.requireNonNull(path, "path");
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, limits, sink);
    }
  }

  /**
   * Reads a log from {@code in}, which the caller closes.
   *
   * @throws IOException when the underlying stream fails before any data could be read
   */
  public static ReadResult read(InputStream in, ReadLimits limits, LineSink sink)
      throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(sink, "sink");
    BufferedInputStream buffered = new BufferedInputStream(in, CHUNK);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    InputStream raw = buffered;
    String corruption = null;
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        raw = new GZIPInputStream(buffered, CHUNK);
      } catch (IOException e) {
        return new ReadResult(0, 0, 0, false, "corrupt gzip header: " + e.getMessage());
      }
    }
    CountingStream counting = new CountingStream(raw, limits.maxBytes());
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    Splitter splitter = new Splitter(limits.maxLineChars(), sink);
    Reader reader = new InputStreamReader(counting, decoder);
    char[] chunk = new char[CHUNK];
    try {
      int n;
      while ((n = reader.read(chunk, 0, CHUNK)) > 0) {
        splitter.feed(chunk, n);
      }
    } catch (IOException e) {
      corruption = "log stream ended abnormally after " + counting.count + " bytes: " + e;
    }
    splitter.finish();
    return new ReadResult(
        splitter.lines, counting.count, splitter.truncatedLines, counting.limitReached, corruption);
  }

  /** Splits characters into lines. */
  private static final class Splitter {
    private final char[] line;
    private final char[] tail; // ring of the last characters of an over-long line
    private final char[] scratch;
    private final LineSink sink;
    private int length;
    private long tailSeen;
    private boolean truncated;
    private boolean pending;
    private boolean afterCr;
    int lines;
    int truncatedLines;

    Splitter(int maxLineChars, LineSink sink) {
      this.line = new char[maxLineChars];
      int keep = Math.min(TAIL_CHARS, maxLineChars / 4);
      this.tail = new char[keep];
      this.scratch = new char[keep];
      this.sink = sink;
    }

    void feed(char[] chunk, int n) {
      int i = 0;
      if (afterCr) {
        afterCr = false;
        if (n > 0 && chunk[0] == '\n') {
          i = 1;
        }
      }
      int start = i;
      for (; i < n; i++) {
        char c = chunk[i];
        if (c == '\n' || c == '\r') {
          append(chunk, start, i - start);
          emit();
          if (c == '\r') {
            if (i + 1 < n) {
              if (chunk[i + 1] == '\n') {
                i++;
              }
            } else {
              afterCr = true;
            }
          }
          start = i + 1;
        }
      }
      if (start < n) {
        append(chunk, start, n - start);
      }
    }

    private void append(char[] chunk, int from, int count) {
      if (count <= 0) {
        return;
      }
      pending = true;
      int room = line.length - length;
      if (count > room) {
        truncated = true;
        keepTail(chunk, from + room, count - room);
        count = room;
      }
      System.arraycopy(chunk, from, line, length, count);
      length += count;
    }

    /** Adds characters beyond the line limit to the tail ring. */
    private void keepTail(char[] chunk, int from, int count) {
      int size = tail.length;
      if (size == 0) {
        return;
      }
      if (count > size) {
        from += count - size;
        tailSeen += count - size;
        count = size;
      }
      for (int i = 0; i < count; i++) {
        tail[(int) (tailSeen++ % size)] = chunk[from + i];
      }
    }

    /**
     * Rewrites the end of a cut line as {@code " ... "} plus the line's last characters: those of
     * the tail ring, preceded by the end of the kept head when the ring is not full.
     */
    private void joinTail() {
      int size = tail.length;
      if (size == 0 || tailSeen == 0) {
        return;
      }
      int fromRing = (int) Math.min(size, tailSeen);
      int fromHead = size - fromRing;
      System.arraycopy(line, length - fromHead, scratch, 0, fromHead);
      for (int i = 0; i < fromRing; i++) {
        scratch[fromHead + i] = tail[(int) ((tailSeen - fromRing + i) % size)];
      }
      int at = length - size - ELISION.length;
      System.arraycopy(ELISION, 0, line, at, ELISION.length);
      System.arraycopy(scratch, 0, line, at + ELISION.length, size);
    }

    private void emit() {
      lines++;
      if (truncated) {
        truncatedLines++;
        joinTail();
      }
      sink.accept(lines, line, length, truncated);
      length = 0;
      tailSeen = 0;
      truncated = false;
      pending = false;
    }

    void finish() {
      if (pending) {
        emit();
      }
    }
  }

  /** Counts uncompressed bytes and stops at the byte limit. */
  private static final class CountingStream extends FilterInputStream {
    private final long max;
    long count;
    boolean limitReached;

    CountingStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      long left = max - count;
      if (left <= 0) {
        if (!limitReached) {
          limitReached = in.read() >= 0;
        }
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
