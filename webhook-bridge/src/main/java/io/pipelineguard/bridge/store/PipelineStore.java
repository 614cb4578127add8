package io.pipelineguard.bridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code pipelines} table (registered pipelines) and the directory of every known pipeline:
 * registered ones, ones with metric points, and ones seen in runs. Thread-safe.
 */
public final class PipelineStore {
  private static final String COLUMNS =
      "id, name, expected_duration_seconds, expected_success_rate, alert_email, critical,"
          + " created_at, updated_at, rollback_target, deploys";

  /** Every known pipeline id: registered, measured, or seen in a run. */
  private static final String KNOWN_IDS =
      "SELECT id FROM pipelines UNION SELECT pipeline_id FROM metric_points"
          + " UNION SELECT platform || ':' || pipeline FROM runs";

  private final DataSource dataSource;

  /** Creates a store over a migrated database. */
  public PipelineStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  /**
   * Registers a pipeline, or updates it keeping its creation time. Costs one or two statements.
   *
   * @return true when it was new
   */
  public boolean register(RegisteredPipeline pipeline, Instant now) {
    try (Connection connection = dataSource.getConnection()) {
      for (int tries = 0; tries < 3; tries++) {
        if (update(connection, pipeline, now) == 1) {
          return false;
        }
        try {
          insert(connection, pipeline, now);
          return true;
        } catch (SQLException e) {
          if (!DeliveryStore.UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw e;
          }
        }
      }
      throw new SQLException("pipeline " + pipeline.id() + " neither updatable nor insertable");
    } catch (SQLException e) {
      throw new StoreException("cannot register pipeline " + pipeline.id(), e);
    }
  }

  private static int update(Connection connection, RegisteredPipeline p, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "UPDATE pipelines SET name = ?, expected_duration_seconds = ?,"
                + " expected_success_rate = ?, alert_email = ?, critical = ?, updated_at = ?,"
                + " rollback_target = ?, deploys = ? WHERE id = ?")) {
      s.setString(1, p.name());
      setDouble(s, 2, p.expectedDurationSeconds());
      s.setDouble(3, p.expectedSuccessRate());
      s.setString(4, p.alertEmail());
      s.setBoolean(5, p.critical());
      s.setObject(6, DeliveryStore.utc(now));
      s.setString(7, p.rollbackTarget());
      s.setBoolean(8, p.deploys());
      s.setString(9, p.id());
      return s.executeUpdate();
    }
  }

  private static void insert(Connection connection, RegisteredPipeline p, Instant now)
      throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO pipelines (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, p.id());
      s.setString(2, p.name());
      setDouble(s, 3, p.expectedDurationSeconds());
      s.setDouble(4, p.expectedSuccessRate());
      s.setString(5, p.alertEmail());
      s.setBoolean(6, p.critical());
      s.setObject(7, DeliveryStore.utc(now));
      s.setObject(8, DeliveryStore.utc(now));
      s.setString(9, p.rollbackTarget());
      s.setBoolean(10, p.deploys());
      s.executeUpdate();
    }
  }

  private static void setDouble(PreparedStatement s, int index, Double value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.DOUBLE);
    } else {
      s.setDouble(index, value);
    }
  }

  /** Returns the registered pipeline with this id. One indexed query. */
  public Optional<RegisteredPipeline> find(String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement("SELECT " + COLUMNS + " FROM pipelines WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read pipeline " + id, e);
    }
  }

  /**
   * Returns up to {@code limit} known pipeline ids in id order, skipping {@code offset}. Scans the
   * distinct pipelines of the three tables.
   */
  public List<String> knownIds(int offset, int limit) {
    List<String> ids = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "SELECT id FROM ("
                    + KNOWN_IDS
                    + ") known ORDER BY id"
                    + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
      s.setInt(1, offset);
      s.setInt(2, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new StoreException("cannot list pipelines", e);
    }
  }

  /** Returns whether a pipeline with this id is registered, measured or seen in a run. */
  public boolean isKnown(String id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement("SELECT 1 FROM (" + KNOWN_IDS + ") known WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot look up pipeline " + id, e);
    }
  }

  private static RegisteredPipeline read(ResultSet rs) throws SQLException {
    double duration = rs.getDouble(3);
    Double expectedDuration = rs.wasNull() ? null : duration;
    return new RegisteredPipeline(
        rs.getString(1),
        rs.getString(2),
        expectedDuration,
        rs.getDouble(4),
        rs.getString(5),
        rs.getBoolean(6),
        rs.getString(9),
        rs.getBoolean(10),
        StoreRows.instant(rs, 7),
        StoreRows.instant(rs, 8));
  }
}
