package io.pipelineguard.bridge.store;

import io.pipelineguard.bridge.security.ApiKey;
import io.pipelineguard.bridge.security.Permission;
import io.pipelineguard.bridge.security.Role;
import io.pipelineguard.bridge.security.SecretTokens;
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
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * API keys in the store ({@code api_keys}): only the SHA-256 hash of each key is kept, with a short
 * non-secret prefix; keys are looked up by hash through a unique index (one indexed query).
 */
public final class ApiKeyStore {
  /** Most extra permissions one key may carry. */
  public static final int MAX_EXTRA_PERMISSIONS = 32;

  private static final String COLUMNS =
      "id, name, role, permissions, key_prefix, created_at, last_used_at, revoked_at";

  private final DataSource dataSource;
  private final SecretTokens tokens;

  /** Creates the store over {@code dataSource} with a fresh {@link SecretTokens}. */
  public ApiKeyStore(DataSource dataSource) {
    this(dataSource, new SecretTokens());
  }

  /** Creates the store over {@code dataSource}, generating keys with {@code tokens}. */
  public ApiKeyStore(DataSource dataSource, SecretTokens tokens) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    this.tokens = Objects.requireNonNull(tokens, "tokens must not be null");
  }

  /** A key just created: the stored record and the secret, shown once and never again. */
  public record CreatedKey(ApiKey key, String secret) {}

  /**
   * Creates a key.
   *
   * @throws IllegalArgumentException for an invalid name or too many permissions
   */
  public CreatedKey create(String name, Role role, List<Permission> extras, Instant now) {
    ApiKey.checkName(name);
    Objects.requireNonNull(role, "role must not be null");
    if (extras.size() > MAX_EXTRA_PERMISSIONS) {
      throw new IllegalArgumentException(
          "a key may carry at most " + MAX_EXTRA_PERMISSIONS + " extra permissions");
    }
    String secret = tokens.newApiKey();
    String prefix = SecretTokens.displayPrefix(secret);
    String permissions = extras.stream().map(Permission::value).collect(Collectors.joining(","));
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO api_keys (key_hash, key_prefix, name, role, permissions, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
      s.setString(1, SecretTokens.sha256Hex(secret));
      s.setString(2, prefix);
      s.setString(3, name);
      s.setString(4, role.wireName());
      s.setString(5, permissions);
      s.setObject(6, DeliveryStore.utc(now));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        ApiKey key = new ApiKey(keys.getLong(1), name, role, extras, prefix, now, null, null);
        return new CreatedKey(key, secret);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot create the API key " + name, e);
    }
  }

  /** Returns the key whose secret is {@code secret} (revoked or not); one indexed query. */
  public Optional<ApiKey> findBySecret(String secret) {
    return one(
        "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?", SecretTokens.sha256Hex(secret));
  }

  /** Returns the key with {@code id}, revoked or not. */
  public Optional<ApiKey> find(long id) {
    return one("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?", id);
  }

  /** Lists keys newest first, revoked ones included. */
  public Page<ApiKey> page(Long cursor, int limit) {
    return StoreRows.newestFirst(
        dataSource, "api_keys", COLUMNS, cursor, limit, ApiKeyStore::read, ApiKey::id, "API keys");
  }

  /** Returns whether any key is active. One query. */
  public boolean hasActiveKeys() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id FROM api_keys WHERE revoked_at IS NULL FETCH FIRST 1 ROWS ONLY");
        ResultSet rs = s.executeQuery()) {
      return rs.next();
    } catch (SQLException e) {
      throw new StoreException("cannot count API keys", e);
    }
  }

  /** Revokes key {@code id}; returns false when it does not exist or was already revoked. */
  public boolean revoke(long id, Instant now) {
    return update(
        "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id);
  }

  /** Records a use of key {@code id} at {@code now}; callers throttle it. */
  public void touch(long id, Instant now) {
    update("UPDATE api_keys SET last_used_at = ? WHERE id = ?", now, id);
  }

  private boolean update(String sql, Instant now, long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, DeliveryStore.utc(now));
      s.setLong(2, id);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot update API key " + id, e);
    }
  }

  private Optional<ApiKey> one(String sql, Object parameter) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read API keys", e);
    }
  }

  private static ApiKey read(ResultSet rs) throws SQLException {
    List<Permission> extras = new ArrayList<>();
    String permissions = rs.getString(4);
    if (!permissions.isEmpty()) {
      for (String p : permissions.split(",")) {
        extras.add(Permission.of(p));
      }
    }
    return new ApiKey(
        rs.getLong(1),
        rs.getString(2),
        Role.fromWireName(rs.getString(3)),
        extras,
        rs.getString(5),
        StoreRows.instant(rs, 6),
        StoreRows.instant(rs, 7),
        StoreRows.instant(rs, 8));
  }
}
