package io.pipelineguard.bridge.metrics;

import io.pipelineguard.bridge.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Counts read from the store's tables for the metrics: deliveries by platform and status, diagnoses
 * by category, repairs by strategy and state. Derived from the rows, they survive a restart.
 * Cached: a read refreshes them (three GROUP BY queries, a full scan of the three tables' indexes)
 * at most once per {@code maxAge}; between refreshes reads cost a map lookup.
 */
final class StoreCounts {
  private final DataSource dataSource;
  private final Clock clock;
  private final Duration maxAge;
  private Map<String, Long> counts = Map.of();
  private Instant refreshedAt;

  StoreCounts(DataSource dataSource, Clock clock, Duration maxAge) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge must not be null");
  }

  /** Returns the key of a count: the table and its group values, lowercase, tab-separated. */
  static String key(String table, String... values) {
    return (table + "\t" + String.join("\t", values)).toLowerCase(Locale.ROOT);
  }

  /** Returns the current counts, refreshing them when older than {@code maxAge}. */
  synchronized Map<String, Long> counts() {
    Instant now = clock.instant();
    if (refreshedAt == null || !now.isBefore(refreshedAt.plus(maxAge))) {
      try {
        counts = read();
        refreshedAt = now;
      } catch (StoreException e) {
        // keep the last counts: a scrape must not fail because the store is briefly away
        if (refreshedAt == null) {
          throw e;
        }
      }
    }
    return counts;
  }

  /** Returns one count, 0 when absent. */
  long count(String key) {
    return counts().getOrDefault(key, 0L);
  }

  private Map<String, Long> read() {
    Map<String, Long> out = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      group(
          c,
          "SELECT platform, status, COUNT(*) FROM deliveries GROUP BY platform, status",
          "deliveries",
          2,
          out);
      group(c, "SELECT category, COUNT(*) FROM diagnoses GROUP BY category", "diagnoses", 1, out);
      group(
          c,
          "SELECT strategy, state, COUNT(*) FROM repair_attempts GROUP BY strategy, state",
          "repairs",
          2,
          out);
    } catch (SQLException e) {
      throw new StoreException("cannot count rows for the metrics", e);
    }
    return Map.copyOf(out);
  }

  private static void group(Connection c, String sql, String table, int keys, Map<String, Long> out)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String[] values = new String[keys];
        for (int i = 0; i < keys; i++) {
          values[i] = rs.getString(i + 1);
        }
        out.merge(key(table, values), rs.getLong(keys + 1), Long::sum);
      }
    }
  }
}
