package io.pipelineguard.bridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Named blobs in the store's {@code model_state} table (learned models, one row per name). A save
 * replaces the row in one statement (update, or insert the first time), so a crash leaves the old
 * or the new state. Costs one statement plus the blob's transfer.
 */
public final class ModelStateStore {
  private final DataSource dataSource;
  private final Clock clock;

  /** Creates the store over a migrated database. */
  public ModelStateStore(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /** Returns the saved bytes of {@code name}, or empty when nothing was saved. */
  public Optional<byte[]> load(String name) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT data FROM model_state WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read " + name + " from model_state", e);
    }
  }

  /** Saves {@code data} as {@code name} in {@code format}, bumping its version. */
  public synchronized void save(String name, String format, byte[] data) {
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE model_state SET data = ?, format = ?, version = version + 1, updated_at = ?"
                  + " WHERE name = ?")) {
        s.setBytes(1, data);
        s.setString(2, format);
        s.setObject(3, now);
        s.setString(4, name);
        if (s.executeUpdate() == 1) {
          return;
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO model_state (name, format, version, data, updated_at)"
                  + " VALUES (?, ?, 1, ?, ?)")) {
        s.setString(1, name);
        s.setString(2, format);
        s.setBytes(3, data);
        s.setObject(4, now);
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save " + name + " to model_state", e);
    }
  }
}
