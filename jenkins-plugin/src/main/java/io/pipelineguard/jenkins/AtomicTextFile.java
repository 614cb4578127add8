package io.pipelineguard.jenkins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a small UTF-8 text file under {@code JENKINS_HOME} so that a crash leaves either the old
 * or the new content, never a torn file: the text goes to a temporary file beside it, is forced to
 * disk, then moved over the target atomically (a plain replace where the file system cannot move
 * atomically). Cost: one write, one fsync and one rename per call.
 */
final class AtomicTextFile {
  private AtomicTextFile() {}

  /**
   * Writes {@code text} to {@code file}, creating its directory if needed.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  static void write(Path file, CharSequence text) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(dir);
      try (FileChannel channel =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
