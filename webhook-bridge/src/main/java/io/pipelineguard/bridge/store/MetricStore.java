package io.pipelineguard.bridge.store;

import io.pipelineguard.monitor.MetricPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The {@code metric_points} table: one point per finished run attempt (unique, so a redelivered
 * webhook never counts twice). Thread-safe.
 */
public final class MetricStore {
  private final DataSource dataSource;

  /** Creates a store over a migrated database. */
  public MetricStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  /**
   * Records the point of a finished run unless that run attempt is already recorded. One insert.
   *
   * @return true when it was new, false for a repeat
   */
  public boolean record(FinishedRun run) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "INSERT INTO metric_points (pipeline_id, platform, run_key, attempt, finished_at,"
                    + " duration_seconds, success) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, run.pipelineId());
      s.setString(2, run.platform().wireName());
      s.setString(3, run.runKey());
      s.setInt(4, run.attempt());
      s.setObject(5, DeliveryStore.utc(run.finishedAt()));
      s.setDouble(6, run.durationSeconds());
      s.setBoolean(7, run.success());
      s.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (DeliveryStore.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw new StoreException("cannot record the metric point of run " + run.runKey(), e);
    }
  }

  /**
   * Returns the pipeline's latest {@code count} points, oldest first. One indexed query.
   *
   * @param count most points returned
   */
  public List<MetricPoint> latest(String pipelineId, int count) {
    List<MetricPoint> points = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "SELECT finished_at, duration_seconds, success FROM metric_points"
                    + " WHERE pipeline_id = ? ORDER BY finished_at DESC, id DESC"
                    + " FETCH FIRST ? ROWS ONLY")) {
      s.setString(1, pipelineId);
      s.setInt(2, count);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          points.add(
              new MetricPoint(
                  pipelineId, StoreRows.instant(rs, 1), rs.getDouble(2), rs.getBoolean(3)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the metric points of " + pipelineId, e);
    }
    Collections.reverse(points);
    return points;
  }

  /**
   * Returns the pipeline's runs measured since {@code since}, oldest first, at most {@code max},
   * each with its run row and the latest diagnosis of its failed jobs. One query with a correlated
   * sub-query per point.
   */
  public List<MeasuredRun> runsSince(String pipelineId, Instant since, int max) {
    List<MeasuredRun> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "SELECT x.finished_at, x.duration_seconds, x.success, x.run_key, x.attempt,"
                    + " x.run_id, x.run_number, x.url, x.commit_sha, x.branch, d.id, d.category,"
                    + " d.transient_failure, d.explanation FROM ("
                    + "SELECT m.id AS point_id, m.finished_at, m.duration_seconds, m.success,"
                    + " m.run_key, m.attempt, r.id AS run_id, r.run_number, r.url, r.commit_sha,"
                    + " r.branch, (SELECT MAX(dg.id) FROM diagnoses dg JOIN jobs j"
                    + " ON dg.job_id = j.id WHERE j.platform = m.platform"
                    + " AND j.run_key = m.run_key) AS diagnosis_id"
                    + " FROM metric_points m LEFT JOIN runs r"
                    + " ON r.platform = m.platform AND r.run_key = m.run_key"
                    + " WHERE m.pipeline_id = ? AND m.finished_at >= ?) x"
                    + " LEFT JOIN diagnoses d ON d.id = x.diagnosis_id"
                    + " ORDER BY x.finished_at, x.point_id FETCH FIRST ? ROWS ONLY")) {
      s.setString(1, pipelineId);
      s.setObject(2, DeliveryStore.utc(since));
      s.setInt(3, max);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(read(pipelineId, rs));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new StoreException("cannot read the runs of " + pipelineId, e);
    }
  }

  private static MeasuredRun read(String pipelineId, ResultSet rs) throws SQLException {
    MetricPoint point =
        new MetricPoint(pipelineId, StoreRows.instant(rs, 1), rs.getDouble(2), rs.getBoolean(3));
    long runId = rs.getLong(6);
    Long run = rs.wasNull() ? null : runId;
    long diagnosisId = rs.getLong(11);
    Long diagnosis = rs.wasNull() ? null : diagnosisId;
    boolean transientFailure = rs.getBoolean(13);
    Boolean isTransient = rs.wasNull() ? null : transientFailure;
    return new MeasuredRun(
        point,
        rs.getString(4),
        rs.getInt(5),
        run,
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        diagnosis,
        rs.getString(12),
        isTransient,
        rs.getString(14));
  }
}
