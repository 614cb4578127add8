package io.pipelineguard.diagnosis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Supplies a log's bytes (plain or gzip). The engine opens it once per diagnosis and closes it.
 * This is the engine's side of a "log supplier": a door implements it over a file, an HTTP response
 * or a Jenkins build log.
 */
@FunctionalInterface
public interface LogSource {
  /** Opens a fresh stream over the log's bytes; the caller closes it. */
  InputStream open() throws IOException;

  /** Most UTF-8 bytes {@link #ofLines} accepts: 64 MiB. */
  int MAX_IN_MEMORY_BYTES = 64 << 20;

  /**
   * Returns a log source over lines already in memory (a door that read a bounded log itself), in
   * UTF-8, one {@code '\n'} after each line. A {@code '\r'} inside a line becomes a space, so that
   * line <i>n</i> of the diagnosis is {@code lines.get(n - 1)}. Costs one copy of the text.
   *
   * @throws IllegalArgumentException when the lines are more than {@link #MAX_IN_MEMORY_BYTES}
   */
  static LogSource ofLines(List<String> lines) {
    Objects.requireNonNull(lines, "lines");
    StringBuilder text = new StringBuilder();
    long chars = 0;
    for (String line : lines) {
      chars += line.length() + 1L;
      if (chars > MAX_IN_MEMORY_BYTES) {
        throw new IllegalArgumentException(
            "lines must be at most " + MAX_IN_MEMORY_BYTES + " bytes in all");
      }
      text.append(line.replace('\r', ' ')).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_IN_MEMORY_BYTES) {
      throw new IllegalArgumentException(
          "lines must be at most " + MAX_IN_MEMORY_BYTES + " bytes in all, were " + bytes.length);
    }
    return () -> new ByteArrayInputStream(bytes);
  }

  /** Returns a log source over a file. */
  static LogSource of(Path path) {
    Objects.requireNonNull(path, "path");
    return () -> Files.newInputStream(path);
  }
}
