package io.pipelineguard.bridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The {@code runs} and {@code jobs} tables: the latest state of each pipeline run seen in a
 * delivery, and the failed jobs waiting for (or past) diagnosis. Thread-safe.
 */
public final class RunStore {
  /** Job state written by the default failure processor. */
  public static final String PENDING_DIAGNOSIS = "PENDING_DIAGNOSIS";

  private static final String RUN_COLUMNS =
      "id, platform, run_key, pipeline, run_number, status, conclusion, url, commit_sha, branch,"
          + " created_at, updated_at";

  private final DataSource dataSource;

  /** Creates a store over a migrated database. */
  public RunStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  /**
   * Inserts the run or updates its status, conclusion and links (keeping the first {@code
   * createdAt}). Last write wins: an event arriving out of order may show an older status until the
   * next one. Costs one or two statements.
   */
  public void upsertRun(RunRecord run) {
    try (Connection connection = dataSource.getConnection()) {
      for (int tries = 0; tries < 3; tries++) {
        if (updateRun(connection, run) == 1) {
          return;
        }
        try {
          insertRun(connection, run);
          return;
        } catch (SQLException e) {
          if (!DeliveryStore.UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw e;
          }
        }
      }
      throw new SQLException("run " + run.runKey() + " neither updatable nor insertable");
    } catch (SQLException e) {
      throw new StoreException("cannot store run " + run.runKey(), e);
    }
  }

  private static int updateRun(Connection connection, RunRecord run) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "UPDATE runs SET pipeline = ?, run_number = COALESCE(?, run_number), status = ?,"
                + " conclusion = ?, url = COALESCE(?, url), commit_sha = COALESCE(?, commit_sha),"
                + " branch = COALESCE(?, branch), updated_at = ?"
                + " WHERE platform = ? AND run_key = ?")) {
      statement.setString(1, run.pipeline());
      statement.setString(2, run.runNumber());
      statement.setString(3, run.status());
      statement.setString(4, run.conclusion());
      statement.setString(5, run.url());
      statement.setString(6, run.commitSha());
      statement.setString(7, run.branch());
      statement.setObject(8, DeliveryStore.utc(run.updatedAt()));
      statement.setString(9, run.platform().wireName());
      statement.setString(10, run.runKey());
      return statement.executeUpdate();
    }
  }

  private static void insertRun(Connection connection, RunRecord run) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "INSERT INTO runs (platform, run_key, pipeline, run_number, status, conclusion, url,"
                + " commit_sha, branch, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, run.platform().wireName());
      statement.setString(2, run.runKey());
      statement.setString(3, run.pipeline());
      statement.setString(4, run.runNumber());
      statement.setString(5, run.status());
      statement.setString(6, run.conclusion());
      statement.setString(7, run.url());
      statement.setString(8, run.commitSha());
      statement.setString(9, run.branch());
      statement.setObject(10, DeliveryStore.utc(run.createdAt()));
      statement.setObject(11, DeliveryStore.utc(run.updatedAt()));
      statement.executeUpdate();
    }
  }

  /**
   * Records a failed job in {@code state} unless the same job attempt is already recorded. Costs an
   * indexed lookup and, for a new job, an insert.
   *
   * @return true when a row was written, false for a repeat
   */
  public boolean recordFailedJob(FailedJob job, String state, Instant now) {
    try (Connection connection = dataSource.getConnection()) {
      // A repeat is looked up first: failing the insert on the unique key costs far more in H2
      // (an exception, and the failed statement is parsed again next time).
      if (jobRecorded(connection, job)) {
        return false;
      }
      try (PreparedStatement statement =
          connection.prepareStatement(
              "INSERT INTO jobs (platform, job_key, run_key, pipeline, job_name, attempt,"
                  + " conclusion, url, commit_sha, branch, finished_at, state, delivery_id,"
                  + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        statement.setString(1, job.platform().wireName());
        statement.setString(2, clip(job.jobKey(), 512));
        statement.setString(3, clip(job.runKey(), 512));
        statement.setString(4, clip(job.pipeline(), 512));
        statement.setString(5, clip(job.jobName(), 512));
        statement.setInt(6, job.attempt());
        statement.setString(7, clip(job.conclusion(), 64));
        statement.setString(8, clip(job.url(), 2048));
        statement.setString(9, clip(job.commitSha(), 64));
        statement.setString(10, clip(job.branch(), 512));
        statement.setObject(11, DeliveryStore.utc(job.finishedAt()));
        statement.setString(12, state);
        statement.setLong(13, job.deliveryId());
        statement.setObject(14, DeliveryStore.utc(now));
        statement.executeUpdate();
        return true;
      }
    } catch (SQLException e) {
      if (DeliveryStore.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false; // recorded by someone else between the lookup and the insert
      }
      throw new StoreException("cannot record failed job " + job.jobKey(), e);
    }
  }

  private static boolean jobRecorded(Connection connection, FailedJob job) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT 1 FROM jobs WHERE platform = ? AND job_key = ? AND attempt = ?")) {
      statement.setString(1, job.platform().wireName());
      statement.setString(2, clip(job.jobKey(), 512));
      statement.setInt(3, job.attempt());
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Returns the number of jobs recorded in {@code state}. */
  public long countJobs(String state) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT COUNT(*) FROM jobs WHERE state = ?")) {
      statement.setString(1, state);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count jobs", e);
    }
  }

  /** Returns up to {@code limit} runs, most recently created first, older than the cursor. */
  public Page<RunRecord> page(Long cursor, int limit) {
    return StoreRows.newestFirst(
        dataSource, "runs", RUN_COLUMNS, cursor, limit, RunStore::readRun, RunRecord::id, "runs");
  }

  private static RunRecord readRun(ResultSet rs) throws SQLException {
    return new RunRecord(
        rs.getLong(1),
        Platform.fromWireName(rs.getString(2)),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        StoreRows.instant(rs, 11),
        StoreRows.instant(rs, 12));
  }

  static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
