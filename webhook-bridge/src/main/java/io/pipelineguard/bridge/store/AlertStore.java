package io.pipelineguard.bridge.store;

import io.pipelineguard.monitor.Alert;
import io.pipelineguard.monitor.AlertKind;
import io.pipelineguard.monitor.AlertSeverity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The {@code alerts} table: alerts raised by the monitor, active until their condition clears. The
 * caller keeps at most one active alert per pipeline and kind. Thread-safe.
 */
public final class AlertStore {
  private static final String COLUMNS =
      "id, pipeline_id, kind, severity, message, alert_value, threshold, raised_at, active,"
          + " resolved_at";

  private final DataSource dataSource;

  /** Creates a store over a migrated database. */
  public AlertStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  /** Stores a newly raised, active alert. One insert. */
  public StoredAlert raise(Alert alert, Instant now) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "INSERT INTO alerts (pipeline_id, kind, severity, message, alert_value,"
                    + " threshold, active, raised_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, alert.pipelineId());
      s.setString(2, alert.kind().wireName());
      s.setString(3, alert.severity().wireName());
      s.setString(4, RunStore.clip(alert.message(), 1000));
      s.setDouble(5, alert.value());
      s.setDouble(6, alert.threshold());
      s.setObject(7, DeliveryStore.utc(now));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return new StoredAlert(keys.getLong(1), alert, now, true, null);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot raise alert for " + alert.pipelineId(), e);
    }
  }

  /**
   * Marks an active alert resolved.
   *
   * @return true when it was active
   */
  public boolean resolve(long id, Instant now) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement(
                "UPDATE alerts SET active = FALSE, resolved_at = ? WHERE id = ? AND active")) {
      s.setObject(1, DeliveryStore.utc(now));
      s.setLong(2, id);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot resolve alert " + id, e);
    }
  }

  /** Returns the pipeline's active alerts. One indexed query. */
  public List<StoredAlert> active(String pipelineId) {
    return query(
        "SELECT " + COLUMNS + " FROM alerts WHERE pipeline_id = ? AND active ORDER BY id",
        s -> s.setString(1, pipelineId));
  }

  /** Returns every active alert, newest first, at most {@code limit}. */
  public List<StoredAlert> allActive(int limit) {
    return query(
        "SELECT " + COLUMNS + " FROM alerts WHERE active ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
        s -> s.setInt(1, limit));
  }

  /** Returns the number of active alerts. */
  public long countActive() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s =
            connection.prepareStatement("SELECT COUNT(*) FROM alerts WHERE active");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("cannot count alerts", e);
    }
  }

  /**
   * Returns up to {@code limit} alerts raised since {@code since}, newest first, older than the
   * cursor (an id; null for the first page), only active ones when {@code activeOnly}.
   */
  public Page<StoredAlert> page(Instant since, boolean activeOnly, Long cursor, int limit) {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM alerts WHERE raised_at >= ?"
            + (activeOnly ? " AND active" : "")
            + (cursor == null ? "" : " AND id < ?")
            + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY";
    List<StoredAlert> rows =
        query(
            sql,
            s -> {
              int i = 1;
              s.setObject(i++, DeliveryStore.utc(since));
              if (cursor != null) {
                s.setLong(i++, cursor);
              }
              s.setInt(i, limit + 1);
            });
    return StoreRows.toPage(rows, limit, StoredAlert::id);
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private List<StoredAlert> query(String sql, Binder binder) {
    List<StoredAlert> alerts = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement s = connection.prepareStatement(sql)) {
      binder.bind(s);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          alerts.add(read(rs));
        }
      }
      return alerts;
    } catch (SQLException e) {
      throw new StoreException("cannot read alerts", e);
    }
  }

  private static StoredAlert read(ResultSet rs) throws SQLException {
    Alert alert =
        new Alert(
            rs.getString(2),
            AlertKind.fromWireName(rs.getString(3)),
            AlertSeverity.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
            rs.getString(5),
            rs.getDouble(6),
            rs.getDouble(7));
    return new StoredAlert(
        rs.getLong(1),
        alert,
        StoreRows.instant(rs, 8),
        rs.getBoolean(9),
        StoreRows.instant(rs, 10));
  }
}
