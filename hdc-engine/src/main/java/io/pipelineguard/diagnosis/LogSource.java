package io.pipelineguard.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Returns a log source over a file. */
  static LogSource of(Path path) {
    Objects.requireNonNull(path, "path");
    return () -> Files.newInputStream(path);
  }
}
