package io.pipelineguard.bridge.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads repair attempts for the API: newest first, optionally in one state, with their outcome.
 * Thread-safe; one indexed query of a page.
 */
public final class RepairHistory {
  private static final String COLUMNS =
      "r.id, r.job_id, r.diagnosis_id, j.platform, j.pipeline, j.job_name, r.strategy, r.attempt,"
          + " r.state, r.detail, (SELECT MAX(o.outcome) FROM outcomes o WHERE"
          + " o.repair_attempt_id = r.id), r.started_at, r.finished_at, r.approved_at";
  private static final String FROM = "repair_attempts r JOIN jobs j ON j.id = r.job_id";

  private final DataSource dataSource;

  /** Creates the reader over a migrated database. */
  public RepairHistory(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  /**
   * Lists repairs newest first.
   *
   * @param state a stored state (upper case), or null for all
   */
  public Page<RepairView> page(Long cursor, int limit, String state) {
    return StoreRows.newestFirst(
        dataSource,
        FROM,
        "r.id",
        COLUMNS,
        state == null ? List.of() : List.of("r.state = ?"),
        state == null ? List.of() : List.of(state),
        cursor,
        limit,
        RepairHistory::read,
        RepairView::id,
        "repairs");
  }

  /** Returns one repair, or empty when there is none with that id. */
  public Optional<RepairView> find(long id) {
    return StoreRows.newestFirst(
            dataSource,
            FROM,
            "r.id",
            COLUMNS,
            List.of("r.id = ?"),
            List.of(id),
            null,
            1,
            RepairHistory::read,
            RepairView::id,
            "repairs")
        .items()
        .stream()
        .findFirst();
  }

  private static RepairView read(ResultSet rs) throws SQLException {
    long diagnosisId = rs.getLong(3);
    Long diagnosis = rs.wasNull() ? null : diagnosisId;
    return new RepairView(
        rs.getLong(1),
        rs.getLong(2),
        diagnosis,
        rs.getString(4) + ':' + rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getInt(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        StoreRows.instant(rs, 12),
        StoreRows.instant(rs, 13),
        StoreRows.instant(rs, 14));
  }
}
