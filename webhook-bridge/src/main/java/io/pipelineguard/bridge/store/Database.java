package io.pipelineguard.bridge.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pipelineguard.bridge.config.BridgeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's database: a pooled {@link DataSource} (HikariCP) over PostgreSQL when {@code
 * DATABASE_URL} is set, else an embedded H2 database in file mode under {@code store.data_dir},
 * migrated to the latest schema (Flyway, {@code db/migration}) when opened.
 *
 * <p>Durability: PostgreSQL commits are durable when they return. H2 writes commits to its file in
 * the background (within {@code WRITE_DELAY}, 500 ms), so the deliveries store runs {@link
 * #flushStatement()} ({@code CHECKPOINT SYNC}: write, then fsync the file) after each group commit,
 * before any reply: a {@code kill -9} or power loss keeps every acknowledged delivery. (A plain
 * {@code CHECKPOINT} only writes to the operating system's cache, which a power loss can drop.)
 * Other tables (runs, processing marks) may lose their last half second in a crash; that only makes
 * the affected deliveries be processed again, which processors tolerate (idempotent keys). The
 * embedded store is single-process: a second server on the same directory fails to open it.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** File name (without H2's {@code .mv.db}) of the embedded database in the data directory. */
  public static final String EMBEDDED_NAME = "pipeline-guard";

  /** Prepared statements H2 keeps parsed per connection. */
  static final int QUERY_CACHE_SIZE = 64;

  /**
   * Largest BLOB value the embedded H2 keeps inside its row instead of its LOB store (which writes
   * each value twice). Delivery bodies have a table of their own (migration V9), so rows holding
   * them are written once and never scanned by counts.
   */
  static final int MAX_LENGTH_INPLACE_LOB = 64 * 1024;

  private final HikariDataSource dataSource;
  private final boolean postgres;

  private Database(HikariDataSource dataSource, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  /**
   * Opens (creating if needed) and migrates the database the configuration names. Costs a pool
   * start and, on first use, the schema creation: well under a second embedded.
   */
  public static Database open(BridgeConfig config) {
    DatabaseUrl url =
        config.databaseUrl().isSet()
            ? DatabaseUrl.parse(config.databaseUrl().reveal())
            : embedded(config.dataDir());
    return open(url, config.poolSize());
  }

  /** Opens and migrates the database at {@code url} with at most {@code poolSize} connections. */
  public static Database open(DatabaseUrl url, int poolSize) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("pipeline-guard-store");
    hikari.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      hikari.setUsername(url.user());
    }
    if (url.password() != null) {
      hikari.setPassword(url.password());
    }
    hikari.setMaximumPoolSize(poolSize);
    hikari.setMinimumIdle(Math.min(2, poolSize));
    hikari.setAutoCommit(true);
    hikari.setConnectionTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to the store at " + url.redacted(), e);
    }
    boolean postgres = url.isPostgres();
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .placeholders(Map.of("blob", postgres ? "BYTEA" : "BLOB"))
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw new StoreException("cannot migrate the store at " + url.redacted(), e);
    }
    LOG.info("Store ready: {}", url.redacted());
    return new Database(dataSource, postgres);
  }

  /** Returns the URL of the embedded database in {@code dataDir}, creating the directory. */
  public static DatabaseUrl embedded(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create store.data_dir " + dataDir, e);
    }
    Path file = dataDir.toAbsolutePath().resolve(EMBEDDED_NAME);
    // QUERY_CACHE_SIZE: parsed statements kept per connection (H2's default is 8, fewer than the
    // statements the intake, the workers and the repair loop share pooled connections with). Its
    // measured effect is small: see docs/benchmarks.md, "Webhook intake". MAX_LENGTH_INPLACE_LOB:
    // see the constant.
    return DatabaseUrl.parse(
        "jdbc:h2:file:"
            + file
            + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE="
            + QUERY_CACHE_SIZE
            + ";MAX_LENGTH_INPLACE_LOB="
            + MAX_LENGTH_INPLACE_LOB);
  }

  /** Returns the pooled data source; connections are auto-commit unless a caller changes it. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Returns the statement forcing committed data to disk (H2), or null when commits are. */
  public String flushStatement() {
    return postgres ? null : "CHECKPOINT SYNC";
  }

  /** Returns true when this is PostgreSQL, false for embedded H2. */
  public boolean isPostgres() {
    return postgres;
  }

  /** Closes the pool; H2 closes its file when the last connection goes. */
  @Override
  public void close() {
    dataSource.close();
  }
}
