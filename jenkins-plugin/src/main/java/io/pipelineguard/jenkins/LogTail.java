package io.pipelineguard.jenkins;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Splits a bounded slice of console log bytes into its last lines. Pure; no I/O. */
final class LogTail {
  private LogTail() {}

  /**
   * Returns the last {@code maxLines} lines of {@code bytes} (UTF-8), split as {@link
   * java.io.BufferedReader#readLine()} splits them.
   *
   * @param startsMidLine whether the slice starts inside a line (the log was cut): the partial
   *     first line is dropped
   */
  static List<String> lines(byte[] bytes, boolean startsMidLine, int maxLines) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    Deque<String> tail = new ArrayDeque<>();
    int start = 0;
    boolean first = true;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      boolean end = i == n;
      char c = end ? '\n' : text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (!(end && start == n)) {
          if (!(first && startsMidLine)) {
            tail.addLast(text.substring(start, i));
            if (tail.size() > maxLines) {
              tail.removeFirst();
            }
          }
          first = false;
        }
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    return new ArrayList<>(tail);
  }

  /** An output stream that keeps at most {@code cap} bytes and silently drops the rest. */
  static final class Capped extends OutputStream {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final int cap;

    Capped(int cap) {
      this.cap = cap;
    }

    @Override
    public void write(int b) {
      if (buffer.size() < cap) {
        buffer.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      int room = cap - buffer.size();
      if (room > 0) {
        buffer.write(b, off, Math.min(room, len));
      }
    }

    byte[] bytes() {
      return buffer.toByteArray();
    }
  }
}
