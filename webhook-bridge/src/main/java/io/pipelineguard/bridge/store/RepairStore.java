package io.pipelineguard.bridge.store;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.repair.RepairStrategy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The repair loop's tables: {@code diagnoses}, {@code repair_attempts} (one per failed job attempt,
 * unique, claimed before the platform is called) and {@code outcomes}, plus the {@code jobs} state.
 * Thread-safe; each call takes its own pooled connection and costs one or two indexed statements.
 */
public final class RepairStore {
  private static final String RECORD_COLUMNS =
      "r.id, r.strategy, r.attempt, r.state, r.job_key, r.pipeline, r.job_name, r.commit_sha,"
          + " d.category, d.transient_failure, d.confidence, d.signature, d.novel, d.explanation,"
          + " r.finished_at";

  private final DataSource dataSource;

  /** Creates a store over a migrated database. */
  public RepairStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  /** Returns the {@code jobs} row id of a recorded failed job attempt. */
  public Optional<Long> jobId(FailedJob job) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id FROM jobs WHERE platform = ? AND job_key = ? AND attempt = ?")) {
      s.setString(1, job.platform().wireName());
      s.setString(2, RunStore.clip(job.jobKey(), 512));
      s.setInt(3, job.attempt());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot find job " + job.jobKey(), e);
    }
  }

  /** Sets a job's state. */
  public void setJobState(long jobId, String state) {
    update("UPDATE jobs SET state = ? WHERE id = ?", state, jobId);
  }

  /** Returns whether a repair attempt is already recorded for the job row. */
  public boolean hasRepair(long jobId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM repair_attempts WHERE job_id = ?")) {
      s.setLong(1, jobId);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read repairs of job " + jobId, e);
    }
  }

  /** Stores a diagnosis of the job row and returns its id. */
  public long insertDiagnosis(long jobId, Diagnosis d, String evidence, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO diagnoses (job_id, category, transient_failure, confidence, signature,"
                    + " novel, explanation, evidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, jobId);
      s.setString(2, d.category().wireName());
      s.setBoolean(3, d.transientFailure());
      s.setDouble(4, d.confidence());
      s.setString(5, RunStore.clip(d.signature(), 128));
      s.setBoolean(6, d.novel());
      s.setString(7, RunStore.clip(d.explanation(), 4000));
      s.setString(8, RunStore.clip(evidence, 16000));
      s.setObject(9, DeliveryStore.utc(now));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot store the diagnosis of job " + jobId, e);
    }
  }

  /**
   * Claims the one repair of a failed job attempt, in state {@code state}, before anything is done
   * on the platform. The unique index on {@code job_id} makes a second claim (a delivery processed
   * again after a crash, or a concurrent worker) fail.
   *
   * @return the new row's id, or empty when the job already has a repair
   */
  public Optional<Long> claimRepair(
      long jobId,
      long diagnosisId,
      FailedJob job,
      String matchKey,
      RepairStrategy strategy,
      String state,
      String detail,
      Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO repair_attempts (job_id, diagnosis_id, strategy, attempt, state,"
                    + " detail, started_at, platform, match_key, job_key, pipeline, job_name,"
                    + " commit_sha) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, jobId);
      s.setLong(2, diagnosisId);
      s.setString(3, strategy.wireName());
      s.setInt(4, job.attempt());
      s.setString(5, state);
      s.setString(6, RunStore.clip(detail, 4000));
      s.setObject(7, DeliveryStore.utc(now));
      s.setString(8, job.platform().wireName());
      s.setString(9, RunStore.clip(matchKey, 1100));
      s.setString(10, RunStore.clip(job.jobKey(), 512));
      s.setString(11, RunStore.clip(job.pipeline(), 512));
      s.setString(12, RunStore.clip(job.jobName(), 512));
      s.setString(13, RunStore.clip(job.commitSha() == null ? "unknown" : job.commitSha(), 64));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return Optional.of(keys.getLong(1));
      }
    } catch (SQLException e) {
      if (DeliveryStore.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return Optional.empty();
      }
      throw new StoreException("cannot record the repair of job " + jobId, e);
    }
  }

  /**
   * Moves a repair from state {@code from} to {@code to} with a detail line; a conditional update,
   * so of two callers only one wins.
   *
   * @param finished whether the new state is final (stamps {@code finished_at})
   * @return true when this call made the move
   */
  public boolean moveRepair(
      long id, String from, String to, String detail, boolean finished, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE repair_attempts SET state = ?, detail = ?, finished_at = ?"
                    + " WHERE id = ? AND state = ?")) {
      s.setString(1, to);
      s.setString(2, RunStore.clip(detail, 4000));
      s.setObject(3, finished ? DeliveryStore.utc(now) : null);
      s.setLong(4, id);
      s.setString(5, from);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot update repair " + id, e);
    }
  }

  /** Records the plan chosen for a claimed repair: its strategy, state and explanation. */
  public void setPlan(long id, RepairStrategy strategy, String state, String detail) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE repair_attempts SET strategy = ?, state = ?, detail = ? WHERE id = ?")) {
      s.setString(1, strategy.wireName());
      s.setString(2, state);
      s.setString(3, RunStore.clip(detail, 4000));
      s.setLong(4, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record the plan of repair " + id, e);
    }
  }

  /** Appends an outcome row for a repair. */
  public void insertOutcome(long repairId, String outcome, String detail, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO outcomes (repair_attempt_id, outcome, detail, recorded_at)"
                    + " VALUES (?, ?, ?, ?)")) {
      s.setLong(1, repairId);
      s.setString(2, outcome);
      s.setString(3, RunStore.clip(detail, 4000));
      s.setObject(4, DeliveryStore.utc(now));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot record the outcome of repair " + repairId, e);
    }
  }

  /** Returns the repairs with {@code matchKey} in {@code state}, oldest first (at most 20). */
  public List<RepairRecord> repairs(String matchKey, String state) {
    return query(
        "SELECT "
            + RECORD_COLUMNS
            + " FROM repair_attempts r JOIN diagnoses d ON d.id = r.diagnosis_id"
            + " WHERE r.match_key = ? AND r.state = ? ORDER BY r.id FETCH FIRST 20 ROWS ONLY",
        RunStore.clip(matchKey, 1100),
        state);
  }

  /** Returns every repair with {@code matchKey} on {@code commitSha}, oldest first (at most 50). */
  public List<RepairRecord> history(String matchKey, String commitSha) {
    return query(
        "SELECT "
            + RECORD_COLUMNS
            + " FROM repair_attempts r JOIN diagnoses d ON d.id = r.diagnosis_id"
            + " WHERE r.match_key = ? AND r.commit_sha = ? ORDER BY r.id FETCH FIRST 50 ROWS ONLY",
        RunStore.clip(matchKey, 1100),
        RunStore.clip(commitSha == null ? "unknown" : commitSha, 64));
  }

  /** Returns the number of repairs in {@code state}. */
  public long countRepairs(String state) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM repair_attempts WHERE state = ?")) {
      s.setString(1, state);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot count repairs", e);
    }
  }

  private List<RepairRecord> query(String sql, String a, String b) {
    List<RepairRecord> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, a);
      s.setString(2, b);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          Diagnosis d =
              new Diagnosis(
                  Category.fromWireName(rs.getString(9)).orElse(Category.UNKNOWN),
                  rs.getBoolean(10),
                  rs.getDouble(11),
                  List.of(),
                  rs.getString(12),
                  rs.getBoolean(13),
                  rs.getString(14));
          out.add(
              new RepairRecord(
                  rs.getLong(1),
                  RepairStrategy.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)),
                  rs.getInt(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  d,
                  StoreRows.instant(rs, 15)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read repairs", e);
    }
    return out;
  }

  private void update(String sql, String value, long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      s.setLong(2, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot update row " + id, e);
    }
  }
}
