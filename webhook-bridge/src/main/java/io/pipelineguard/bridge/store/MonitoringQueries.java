package io.pipelineguard.bridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Read-only queries behind the status overview and pipeline health: store reachability, repair and
 * diagnosis counts in a time window, and a pipeline's latest run and latest failure with its
 * diagnosis. Thread-safe; each method is one query.
 */
public final class MonitoringQueries {
  private final DataSource dataSource;

  /** Creates the queries over a migrated database. */
  public MonitoringQueries(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  /**
   * Returns whether the store answers {@code SELECT 1} within {@code timeoutSeconds} (plus the
   * pool's wait for a connection). Never throws.
   */
  public boolean reachable(int timeoutSeconds) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s = connection.prepareStatement("SELECT 1")) {
      s.setQueryTimeout(timeoutSeconds);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** Returns the number of repair attempts started since {@code since}, by state name. */
  public Map<String, Long> repairsByStateSince(Instant since) {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "SELECT state, COUNT(*) FROM repair_attempts WHERE started_at >= ?"
                    + " GROUP BY state")) {
      s.setObject(1, DeliveryStore.utc(since));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new StoreException("cannot count repairs", e);
    }
  }

  /** Returns the number of diagnoses made since {@code since}. */
  public long diagnosesSince(Instant since) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement("SELECT COUNT(*) FROM diagnoses WHERE created_at >= ?")) {
      s.setObject(1, DeliveryStore.utc(since));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count diagnoses", e);
    }
  }

  /** Returns the pipeline's most recently updated run. */
  public Optional<LastRun> lastRun(String platform, String pipeline) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "SELECT id, COALESCE(conclusion, status), updated_at FROM runs"
                    + " WHERE platform = ? AND pipeline = ?"
                    + " ORDER BY updated_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
      s.setString(1, platform);
      s.setString(2, pipeline);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new LastRun(rs.getLong(1), rs.getString(2), StoreRows.instant(rs, 3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the last run of " + pipeline, e);
    }
  }

  /** Returns the pipeline's latest failed job with its latest diagnosis. */
  public Optional<LastFailure> lastFailure(String platform, String pipeline) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "SELECT r.id, j.job_name, COALESCE(j.finished_at, j.created_at), d.id,"
                    + " d.category, d.transient_failure, d.confidence, d.explanation"
                    + " FROM jobs j LEFT JOIN runs r"
                    + " ON r.platform = j.platform AND r.run_key = j.run_key"
                    + " LEFT JOIN diagnoses d"
                    + " ON d.id = (SELECT MAX(dg.id) FROM diagnoses dg WHERE dg.job_id = j.id)"
                    + " WHERE j.platform = ? AND j.pipeline = ?"
                    + " ORDER BY j.id DESC FETCH FIRST 1 ROWS ONLY")) {
      s.setString(1, platform);
      s.setString(2, pipeline);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long runId = rs.getLong(1);
        Long run = rs.wasNull() ? null : runId;
        long diagnosisId = rs.getLong(4);
        Long diagnosis = rs.wasNull() ? null : diagnosisId;
        boolean transientFailure = rs.getBoolean(6);
        Boolean isTransient = rs.wasNull() ? null : transientFailure;
        double confidence = rs.getDouble(7);
        Double conf = rs.wasNull() ? null : confidence;
        return Optional.of(
            new LastFailure(
                run,
                rs.getString(2),
                StoreRows.instant(rs, 3),
                diagnosis,
                rs.getString(5),
                isTransient,
                conf,
                rs.getString(8)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the last failure of " + pipeline, e);
    }
  }
}
