package io.pipelineguard.bridge.store;

import io.pipelineguard.diagnosis.SignatureHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The bridge's {@link SignatureHistory}: when a failure signature was last seen is the newest
 * stored diagnosis with that signature, so novelty ("a new failure, not seen for 30 days") survives
 * restarts and is shared by every worker. {@link #record} writes nothing: storing the diagnosis
 * records it. One indexed query per diagnosis ({@code diagnoses_signature}, migration V7).
 */
public final class SqlSignatureHistory implements SignatureHistory {
  private final DataSource dataSource;

  /** Creates the history over the store's diagnoses. */
  public SqlSignatureHistory(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
  }

  @Override
  public Optional<Instant> lastSeen(String signature) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT MAX(created_at) FROM diagnoses WHERE signature = ?")) {
      s.setString(1, signature);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
        return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read when signature " + signature + " was last seen", e);
    }
  }

  @Override
  public void record(String signature, Instant when) {
    // The diagnosis row, written by the repair loop right after, is the record.
  }
}
