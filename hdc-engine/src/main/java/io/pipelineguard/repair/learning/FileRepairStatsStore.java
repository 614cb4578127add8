package io.pipelineguard.repair.learning;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps repair statistics in one file in {@link RepairStatsCodec}'s form, replaced atomically on
 * save (write a sibling temporary file, then rename). Not safe for several processes writing the
 * same file; one process may call it from several threads if it serialises {@link #save}.
 */
public final class FileRepairStatsStore implements RepairStatsStore {
  private final Path file;

  /** Creates a store for {@code file}; nothing is read or written until asked. */
  public FileRepairStatsStore(Path file) {
    this.file = Objects.requireNonNull(file, "file must not be null");
  }

  @Override
  public Map<StatsKey, StrategyStats> load() throws IOException {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      return Map.of();
    }
    if (size > RepairStatsCodec.MAX_BYTES) {
      throw new InvalidRepairStatsFormatException(
          file + " is " + size + " bytes, the limit is " + RepairStatsCodec.MAX_BYTES);
    }
    try {
      return RepairStatsCodec.decode(Files.readAllBytes(file));
    } catch (InvalidRepairStatsFormatException e) {
      throw new InvalidRepairStatsFormatException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void save(Map<StatsKey, StrategyStats> statistics) throws IOException {
    byte[] bytes = RepairStatsCodec.encode(statistics);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
