package io.pipelineguard.bridge.store;

import io.pipelineguard.repair.RepairStrategy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Repairs held for a person's approval: storing the held plan, and the one conditional update that
 * lets exactly one approval through (HELD to PLANNED), however many arrive at once. Thread-safe;
 * each call is one statement.
 */
public final class HeldRepairs {
  /** The stored state of a repair waiting for approval. */
  public static final String HELD = "HELD";

  /**
   * A held repair's plan and the failed job it repairs, read back to carry it out.
   *
   * @param strategy the planned strategy
   * @param target the rollback target, or null
   * @param job the failed job as recorded
   */
  public record HeldPlan(RepairStrategy strategy, String target, FailedJob job) {}

  private final DataSource dataSource;

  /** Creates the store over a migrated database. */
  public HeldRepairs(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  /** Stores a claimed repair's plan in state {@value #HELD}, with its reason and target. */
  public void hold(long id, RepairStrategy strategy, String target, String reason) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE repair_attempts SET strategy = ?, state = ?, detail = ?, target = ?"
                    + " WHERE id = ?")) {
      s.setString(1, strategy.wireName());
      s.setString(2, HELD);
      s.setString(3, RunStore.clip(reason, 4000));
      s.setString(4, target == null ? null : RunStore.clip(target, 512));
      s.setLong(5, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot hold repair " + id, e);
    }
  }

  /**
   * Approves a held repair: moves it to PLANNED and stamps {@code approved_at}, only if it is still
   * {@value #HELD}. Of concurrent approvals exactly one gets true.
   */
  public boolean approve(long id, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE repair_attempts SET state = 'PLANNED', approved_at = ?"
                    + " WHERE id = ? AND state = ?")) {
      s.setObject(1, DeliveryStore.utc(now));
      s.setLong(2, id);
      s.setString(3, HELD);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot approve repair " + id, e);
    }
  }

  /** Returns the plan and failed job of a repair (whatever its state), or empty if unknown. */
  public Optional<HeldPlan> plan(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT r.strategy, r.target, j.platform, j.pipeline, j.run_key, j.job_key,"
                    + " j.job_name, j.attempt, j.conclusion, j.url, j.commit_sha, j.branch,"
                    + " j.finished_at, j.delivery_id FROM repair_attempts r"
                    + " JOIN jobs j ON j.id = r.job_id WHERE r.id = ?")) {
      s.setLong(1, id);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        FailedJob job =
            new FailedJob(
                rs.getLong(14),
                Platform.fromWireName(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                rs.getString(12),
                StoreRows.instant(rs, 13));
        return Optional.of(
            new HeldPlan(
                RepairStrategy.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)),
                rs.getString(2),
                job));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the plan of repair " + id, e);
    }
  }
}
