package io.pipelineguard.bridge.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored API key, without its secret: the store keeps only a hash. A key grants its role's
 * permissions plus its own extra ones, until it is revoked.
 *
 * @param id store id
 * @param name who or what uses it (validated by {@link #checkName})
 * @param role its role
 * @param extraPermissions permissions beyond the role's
 * @param prefix the non-secret start of the key, to tell keys apart
 * @param createdAt creation time
 * @param lastUsedAt last successful use (updated at most once a minute), null if never
 * @param revokedAt revocation time, null while active
 */
public record ApiKey(
    long id,
    String name,
    Role role,
    List<Permission> extraPermissions,
    String prefix,
    Instant createdAt,
    Instant lastUsedAt,
    Instant revokedAt) {
  /** Longest key name. */
  public static final int MAX_NAME_LENGTH = 64;

  /** Copies the permission list and checks the required fields. */
  public ApiKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    extraPermissions = List.copyOf(extraPermissions);
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Returns whether the key has not been revoked. */
  public boolean active() {
    return revokedAt == null;
  }

  /** Returns what this key acts as when used. */
  public Principal principal() {
    return new Principal(name, role, extraPermissions, id);
  }

  /**
   * Checks a key name: 1 to {@value #MAX_NAME_LENGTH} characters among letters, digits, space and
   * {@code . _ @ -}, starting with a letter or digit.
   *
   * @return the name
   * @throws IllegalArgumentException saying what is wrong
   */
  public static String checkName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "key name must be 1 to " + MAX_NAME_LENGTH + " characters long");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (i == 0 || " ._@-".indexOf(c) < 0)) {
        throw new IllegalArgumentException(
            "key name may hold letters, digits, space and . _ @ - and must start with a letter or"
                + " digit");
      }
    }
    return name;
  }
}
