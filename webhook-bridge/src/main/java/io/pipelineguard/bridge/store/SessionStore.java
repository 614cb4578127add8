package io.pipelineguard.bridge.store;

import io.pipelineguard.bridge.security.SecretTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Dashboard sessions ({@code sessions}): only the SHA-256 hash of each token is stored, with the
 * key it was opened with (null for the bootstrap key) and its expiry. Each call is one indexed
 * statement.
 */
public final class SessionStore {
  private final DataSource dataSource;
  private final SecretTokens tokens;

  /** Creates the store over {@code dataSource}. */
  public SessionStore(DataSource dataSource, SecretTokens tokens) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
  }

  /**
   * A live session.
   *
   * @param keyId the key it was opened with; null for the bootstrap key
   * @param expiresAt when it stops being accepted
   */
  public record Session(Long keyId, Instant expiresAt) {}

  /**
   * Opens a session for {@code keyId} until {@code expiresAt}, first deleting expired sessions.
   *
   * @return the token for the cookie; never stored as is
   */
  public String open(Long keyId, Instant now, Instant expiresAt) {
    String token = tokens.newSessionToken();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement purge =
          c.prepareStatement("DELETE FROM sessions WHERE expires_at <= ?")) {
        purge.setObject(1, DeliveryStore.utc(now));
        purge.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO sessions (token_hash, key_id, created_at, expires_at)"
                  + " VALUES (?, ?, ?, ?)")) {
        s.setString(1, SecretTokens.sha256Hex(token));
        s.setObject(2, keyId);
        s.setObject(3, DeliveryStore.utc(now));
        s.setObject(4, DeliveryStore.utc(expiresAt));
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot open a session", e);
    }
    return token;
  }

  /** Returns the session of {@code token} when it exists and has not expired at {@code now}. */
  public Optional<Session> find(String token, Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT key_id, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?")) {
      s.setString(1, SecretTokens.sha256Hex(token));
      s.setObject(2, DeliveryStore.utc(now));
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long keyId = rs.getLong(1);
        Long key = rs.wasNull() ? null : keyId;
        return Optional.of(new Session(key, StoreRows.instant(rs, 2)));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read sessions", e);
    }
  }

  /** Closes the session of {@code token}; returns false when there was none. */
  public boolean close(String token) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM sessions WHERE token_hash = ?")) {
      s.setString(1, SecretTokens.sha256Hex(token));
      return s.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new StoreException("cannot close a session", e);
    }
  }
}
