package io.pipelineguard.bridge.metrics;

import io.pipelineguard.bridge.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * One latency timer whose count, total and maximum are kept in the store's {@code metric_totals}
 * row {@code name}: loaded at creation, added to in memory (lock-free), written back by {@link
 * #flush()} (periodically and at stop). A crash loses what was recorded since the last flush. One
 * process owns the row: two servers on one PostgreSQL database would overwrite each other's totals.
 */
final class LatencyTotals {
  private final String name;
  private final DataSource dataSource;
  private final Clock clock;
  private final long baseCount;
  private final double baseSeconds;
  private final LongAdder count = new LongAdder();
  private final DoubleAdder seconds = new DoubleAdder();
  private final DoubleAccumulator max;

  LatencyTotals(String name, DataSource dataSource, Clock clock) {
    this.name = Objects.requireNonNull(name, "name must not be null");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    long loadedCount = 0;
    double loadedSeconds = 0;
    double loadedMax = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT sample_count, total_seconds, max_seconds FROM metric_totals"
                    + " WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          loadedCount = rs.getLong(1);
          loadedSeconds = rs.getDouble(2);
          loadedMax = rs.getDouble(3);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read metric totals " + name, e);
    }
    this.baseCount = loadedCount;
    this.baseSeconds = loadedSeconds;
    this.max = new DoubleAccumulator(Math::max, loadedMax);
  }

  /** Records one sample of {@code nanos} nanoseconds (negative values count as 0). */
  void record(long nanos) {
    double s = Math.max(0, nanos) / 1e9;
    count.increment();
    seconds.add(s);
    max.accumulate(s);
  }

  /** Returns every sample's count, persisted ones included. */
  long count() {
    return baseCount + count.sum();
  }

  /** Returns every sample's total, in seconds, persisted ones included. */
  double totalSeconds() {
    return baseSeconds + seconds.sum();
  }

  /** Returns the largest sample ever recorded, in seconds. */
  double maxSeconds() {
    return max.get();
  }

  /** Writes the totals to the store (update, or insert the first time). */
  synchronized void flush() {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE metric_totals SET sample_count = ?, total_seconds = ?, max_seconds = ?,"
                  + " updated_at = ? WHERE name = ?")) {
        s.setLong(1, count());
        s.setDouble(2, totalSeconds());
        s.setDouble(3, maxSeconds());
        s.setObject(4, now);
        s.setString(5, name);
        if (s.executeUpdate() == 1) {
          return;
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO metric_totals (name, sample_count, total_seconds, max_seconds,"
                  + " updated_at) VALUES (?, ?, ?, ?, ?)")) {
        s.setString(1, name);
        s.setLong(2, count());
        s.setDouble(3, totalSeconds());
        s.setDouble(4, maxSeconds());
        s.setObject(5, now);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save metric totals " + name, e);
    }
  }
}
