package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.LearnedPrototypes;
import io.pipelineguard.diagnosis.PrototypeMatch;
import io.pipelineguard.diagnosis.learn.HdcPrototypes;
import io.pipelineguard.diagnosis.learn.PrototypeModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The learned HDC prototypes of one controller, kept in {@code prototypes.pglp}: read once on first
 * use (a missing file means nothing learned yet; a damaged one is moved aside to {@code
 * prototypes.pglp.damaged} and learning starts afresh), written atomically after each lesson.
 *
 * <p>{@link #asLearnedPrototypes()} is what the diagnoser is given: it remembers, per thread, the
 * templates of the last query, so that a later correction learns exactly what a query would use.
 * Thread-safe.
 */
final class PrototypeModelStore {
  private static final Logger LOGGER = Logger.getLogger(PrototypeModelStore.class.getName());

  /** The model file's name in the state folder. */
  static final String FILE = "prototypes.pglp";

  private final Path file;
  private final ThreadLocal<List<String>> lastQuery = ThreadLocal.withInitial(List::of);
  private volatile HdcPrototypes model;

  PrototypeModelStore(Path dir) {
    this.file = Objects.requireNonNull(dir, "dir must not be null").resolve(FILE);
  }

  /** Returns the model, reading the file on first use. */
  HdcPrototypes model() {
    HdcPrototypes m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          m = load();
          model = m;
        }
      }
    }
    return m;
  }

  /**
   * Returns and clears the templates the calling thread's last diagnosis queried with (empty when
   * it queried none).
   */
  List<String> takeLastQuery() {
    List<String> t = lastQuery.get();
    lastQuery.remove();
    return t;
  }

  /** Learns that a failure with {@code templates} is {@code category}, then saves the model. */
  synchronized void learn(List<String> templates, Category category) throws IOException {
    HdcPrototypes m = model();
    m.learn(templates, category);
    save(m);
  }

  /** Returns the view the diagnoser queries: the model, plus a record of each query's templates. */
  LearnedPrototypes asLearnedPrototypes() {
    return new LearnedPrototypes() {
      @Override
      public List<PrototypeMatch> nearest(List<String> templates, int k) {
        lastQuery.set(List.copyOf(templates));
        HdcPrototypes m = model();
        return m.isEmpty() ? List.of() : m.nearest(templates, k);
      }

      @Override
      public void learn(List<String> templates, Category category) {
        try {
          PrototypeModelStore.this.learn(templates, category);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public boolean isEmpty() {
        // Never empty to the diagnoser: it must query (and so show its templates) every time.
        return false;
      }
    };
  }

  private HdcPrototypes load() {
    try (InputStream in = Files.newInputStream(file)) {
      return PrototypeModelFile.read(in);
    } catch (NoSuchFileException e) {
      return HdcPrototypes.create();
    } catch (IOException | RuntimeException e) {
      LOGGER.log(
          Level.WARNING, "pipeline-guard: " + file + " is damaged; learning starts afresh", e);
      try {
        Files.move(
            file, file.resolveSibling(FILE + ".damaged"), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException moveFailed) {
        LOGGER.log(Level.WARNING, "pipeline-guard: could not move " + file + " aside", moveFailed);
      }
      return HdcPrototypes.create();
    }
  }

  private void save(HdcPrototypes m) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, FILE, ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        PrototypeModelFile.write(out, m);
      }
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
