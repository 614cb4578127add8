package io.pipelineguard.bridge.platform;

import io.pipelineguard.diagnosis.LogSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A job log fetched from a platform into a temporary file, at most a configured number of bytes
 * (the rest of the stream is not read). Close it to delete the file.
 *
 * @param file the temporary file holding the log's first bytes
 * @param bytes bytes written to the file
 * @param truncated whether the log was longer than the cap
 */
public record FetchedLog(Path file, long bytes, boolean truncated) implements AutoCloseable {
  /** Validates the fields. */
  public FetchedLog {
    Objects.requireNonNull(file, "file must not be null");
  }

  /**
   * Copies at most {@code maxBytes} of {@code in} to a new temporary file. Reads at most {@code
   * maxBytes + 1} bytes, so memory and disk are bounded whatever the platform sends. Does not close
   * {@code in}.
   *
   * @throws IOException when reading or writing fails (the file is then deleted)
   */
  public static FetchedLog copy(InputStream in, long maxBytes) throws IOException {
    Path file = Files.createTempFile("pipeline-guard-log-", ".log");
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long written = 0;
      while (true) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - written));
        if (n < 0) {
          return new FetchedLog(file, written, false);
        }
        long room = maxBytes - written;
        if (n > room) {
          out.write(buffer, 0, (int) room);
          return new FetchedLog(file, maxBytes, true);
        }
        out.write(buffer, 0, n);
        written += n;
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** Returns a log source over the file, for the diagnoser. */
  public LogSource source() {
    return LogSource.of(file);
  }

  /** Deletes the temporary file. */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
