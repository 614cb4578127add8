package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.InMemorySignatureHistory;
import io.pipelineguard.diagnosis.SignatureHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The failure signatures seen on this controller and when, kept in {@code signatures.txt} under the
 * state folder so that "new failure" survives a restart. Bounded like {@link
 * InMemorySignatureHistory} (least recently seen dropped); the file is read on first use (damaged
 * lines skipped) and rewritten atomically after each record: one small write per diagnosed failure,
 * at most {@code capacity} lines of about 60 bytes. A file that cannot be written is logged and the
 * history goes on in memory. Thread-safe.
 */
final class FileSignatureHistory implements SignatureHistory {
  private static final Logger LOGGER = Logger.getLogger(FileSignatureHistory.class.getName());

  /** The file's name in the state folder. */
  static final String FILE = "signatures.txt";

  private final Path file;
  private final int capacity;
  private InMemorySignatureHistory memory;

  FileSignatureHistory(Path stateDir, int capacity) {
    this.file = stateDir.resolve(FILE);
    this.capacity = capacity;
  }

  @Override
  public synchronized Optional<Instant> lastSeen(String signature) {
    return loaded().lastSeen(signature);
  }

  @Override
  public synchronized void record(String signature, Instant when) {
    if (signature.indexOf('\n') >= 0 || signature.indexOf('\t') >= 0) {
      throw new IllegalArgumentException("a signature holds no tab or line break");
    }
    loaded().record(signature, when);
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Instant> e : memory.snapshot().entrySet()) {
      text.append(e.getValue().toEpochMilli()).append('\t').append(e.getKey()).append('\n');
    }
    try {
      AtomicTextFile.write(file, text);
    } catch (UncheckedIOException e) {
      LOGGER.log(Level.WARNING, "pipeline-guard: could not save " + file, e);
    }
  }

  private InMemorySignatureHistory loaded() {
    if (memory == null) {
      InMemorySignatureHistory fresh = new InMemorySignatureHistory(capacity);
      for (String line : readLines()) {
        int tab = line.indexOf('\t');
        if (tab <= 0 || tab == line.length() - 1) {
          continue;
        }
        try {
          fresh.record(
              line.substring(tab + 1),
              Instant.ofEpochMilli(Long.parseLong(line.substring(0, tab))));
        } catch (NumberFormatException e) {
          // a damaged line: skipped
        }
      }
      memory = fresh;
    }
    return memory;
  }

  private List<String> readLines() {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      LOGGER.log(Level.WARNING, "pipeline-guard: could not read " + file + "; starting empty", e);
      return List.of();
    }
  }
}
