package io.pipelineguard.bridge.store;

import io.pipelineguard.bridge.security.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The security audit log's table ({@code audit_events}). Callers bound the values (see {@code
 * AuditLog}); one insert per event.
 */
public final class AuditStore {
  private final DataSource dataSource;

  /** Creates the store over {@code dataSource}. */
  public AuditStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  /** Appends one event. */
  public void insert(Instant at, String kind, String actor, String ip, String detail) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_events (at, kind, actor, ip, detail) VALUES (?, ?, ?, ?, ?)")) {
      s.setObject(1, DeliveryStore.utc(at));
      s.setString(2, kind);
      s.setString(3, actor);
      s.setString(4, ip);
      s.setString(5, detail);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write the audit log", e);
    }
  }

  /** Deletes the events stamped before {@code cutoff}; returns how many. One statement. */
  public int deleteBefore(Instant cutoff) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM audit_events WHERE at < ?")) {
      s.setObject(1, DeliveryStore.utc(cutoff));
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot prune the audit log", e);
    }
  }

  /** Lists events newest first. */
  public Page<AuditEvent> page(Long cursor, int limit) {
    return StoreRows.newestFirst(
        dataSource,
        "audit_events",
        "id, at, kind, actor, ip, detail",
        cursor,
        limit,
        rs ->
            new AuditEvent(
                rs.getLong(1),
                StoreRows.instant(rs, 2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6)),
        AuditEvent::id,
        "audit events");
  }
}
