package io.pipelineguard.bridge.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.store.Database;
import io.pipelineguard.bridge.store.ModelStateStore;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.LogSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Learning from a correction: what it changes, what it leaves alone, and that it is saved. */
class LearningDiagnoserTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private static LogSource log(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return () -> new ByteArrayInputStream(bytes);
  }

  private static String dnsLog(String host, String time) {
    return time
        + " Fetching the dependencies\n"
        + time
        + " fatal: unable to access 'https://"
        + host
        + "/lib.git/': Could not resolve host: "
        + host
        + "\n"
        + time
        + " Error: Process completed with exit code 128.\n";
  }

  private static final String COMPILE_LOG =
      "[INFO] Compiling 12 source files to /work/target/classes\n"
          + "[ERROR] /work/src/main/java/app/Cart.java:[40,17] cannot find symbol\n"
          + "[ERROR] COMPILATION ERROR\n"
          + "[INFO] BUILD FAILURE\n";

  private static LearningDiagnoser open(Database database, AtomicLong timed) throws Exception {
    return new LearningDiagnoser(
        new ModelStateStore(database.dataSource(), CLOCK),
        CLOCK,
        () -> 0L,
        nanos -> timed.incrementAndGet());
  }

  @Test
  void aCorrectionChangesSimilarFailuresLeavesOthersAndIsSaved() throws Exception {
    AtomicLong timed = new AtomicLong();
    String corrected = dnsLog("git.example.org", "2026-01-05T10:00:03Z");
    String similar = dnsLog("mirror.internal.example", "2026-02-11T08:30:00Z");
    try (Database database = Database.open(Database.embedded(dir), 2)) {
      LearningDiagnoser learner = open(database, timed);
      var before = learner.diagnose(log(corrected));
      Category compileBefore = learner.diagnose(log(COMPILE_LOG)).report().diagnosis().category();

      boolean learned = learner.learn(before.queryTemplates(), Category.DEPENDENCY);

      assertThat(before.report().diagnosis().category()).isEqualTo(Category.NETWORK);
      assertThat(before.queryTemplates()).isNotEmpty();
      assertThat(learned).isTrue();
      assertThat(learner.diagnose(log(corrected)).report().diagnosis().category())
          .isEqualTo(Category.DEPENDENCY);
      assertThat(learner.diagnose(log(similar)).report().diagnosis().category())
          .isEqualTo(Category.DEPENDENCY);
      assertThat(learner.diagnose(log(COMPILE_LOG)).report().diagnosis().category())
          .isEqualTo(compileBefore);
      assertThat(timed.get()).isEqualTo(5);
    }
    try (Database database = Database.open(Database.embedded(dir), 2)) {
      LearningDiagnoser reloaded = open(database, timed);
      assertThat(reloaded.isEmpty()).isFalse();
      assertThat(reloaded.diagnose(log(similar)).report().diagnosis().category())
          .isEqualTo(Category.DEPENDENCY);
    }
  }

  @Test
  void nothingIsLearnedFromNoTemplates() throws Exception {
    try (Database database = Database.open(Database.embedded(dir), 2)) {
      LearningDiagnoser learner = open(database, new AtomicLong());
      assertThat(learner.learn(java.util.List.of(), Category.NETWORK)).isFalse();
      assertThat(learner.isEmpty()).isTrue();
    }
  }
}
