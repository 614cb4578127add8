package io.pipelineguard.bridge.store;

import io.pipelineguard.repair.learning.RepairStatsCodec;
import io.pipelineguard.repair.learning.RepairStatsStore;
import io.pipelineguard.repair.learning.StatsKey;
import io.pipelineguard.repair.learning.StrategyStats;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Learned repair statistics in the store's {@code model_state} table, one row named {@value #NAME},
 * holding {@link RepairStatsCodec}'s versioned text as a BLOB/BYTEA. A save replaces the row in one
 * statement (update, or insert the first time), so a crash leaves the old or the new statistics.
 * Costs one statement plus encoding, O(entries).
 */
public final class SqlRepairStatsStore implements RepairStatsStore {
  /** The {@code model_state} row name. */
  public static final String NAME = "repair-stats";

  private final javax.sql.DataSource dataSource;
  private final Clock clock;

  /** Creates the store over a migrated database. */
  public SqlRepairStatsStore(javax.sql.DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public Map<StatsKey, StrategyStats> load() throws IOException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT data FROM model_state WHERE name = ?")) {
      s.setString(1, NAME);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? RepairStatsCodec.decode(rs.getBytes(1)) : Map.of();
      }
    } catch (SQLException e) {
      throw new IOException("cannot read " + NAME + " from model_state", e);
    }
  }

  @Override
  public synchronized void save(Map<StatsKey, StrategyStats> statistics) throws IOException {
    byte[] data = RepairStatsCodec.encode(statistics);
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE model_state SET data = ?, version = version + 1, updated_at = ?"
                  + " WHERE name = ?")) {
        s.setBytes(1, data);
        s.setObject(2, DeliveryStore.utc(clock.instant()));
        s.setString(3, NAME);
        if (s.executeUpdate() == 1) {
          return;
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO model_state (name, format, version, data, updated_at)"
                  + " VALUES (?, ?, 1, ?, ?)")) {
        s.setString(1, NAME);
        s.setString(2, RepairStatsCodec.HEADER);
        s.setBytes(3, data);
        s.setObject(4, DeliveryStore.utc(clock.instant()));
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IOException("cannot save " + NAME + " to model_state", e);
    }
  }
}
