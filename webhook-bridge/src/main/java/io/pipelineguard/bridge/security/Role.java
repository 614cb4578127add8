package io.pipelineguard.bridge.security;

import java.util.List;
import java.util.Locale;

/**
 * The roles an API key can have, each a fixed list of permissions. A key may carry extra
 * permissions of its own; a key's grants are its role's plus its own.
 */
public enum Role {
  /** Sees everything operators see, changes nothing. */
  READONLY(
      Permissions.STATUS_READ,
      Permissions.PIPELINES_READ,
      Permissions.ALERTS_READ,
      Permissions.DIAGNOSES_READ,
      Permissions.REPAIRS_READ,
      Permissions.SESSION_READ),
  /** Read-only plus acting on pipelines: approve repairs, correct diagnoses, register pipelines. */
  OPERATOR(
      Permissions.STATUS_READ,
      Permissions.PIPELINES_READ,
      Permissions.PIPELINES_WRITE,
      Permissions.ALERTS_READ,
      Permissions.DIAGNOSES_READ,
      Permissions.FEEDBACK_WRITE,
      Permissions.REPAIRS_READ,
      Permissions.REPAIRS_EXECUTE,
      Permissions.DELIVERIES_READ,
      Permissions.SESSION_READ),
  /** Everything on pipelines, repairs and alerts, plus the audit log and key management. */
  ADMIN(
      Permission.of("status:*"),
      Permission.of("pipelines:*"),
      Permission.of("alerts:*"),
      Permission.of("diagnoses:*"),
      Permission.of("feedback:*"),
      Permission.of("repairs:*"),
      Permission.of("deliveries:*"),
      Permission.of("audit:*"),
      Permission.of("keys:*"),
      Permission.of("session:*")),
  /** Everything ({@code *}), including permissions added in later versions. */
  SUPERUSER(Permission.ALL);

  private final List<Permission> permissions;

  Role(Permission... permissions) {
    this.permissions = List.of(permissions);
  }

  /** Returns this role's permissions, as declared. */
  public List<Permission> permissions() {
    return permissions;
  }

  /** Returns whether this role alone grants {@code needed}. */
  public boolean grants(Permission needed) {
    for (Permission held : permissions) {
      if (held.implies(needed)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the lowercase name used in config, the CLI and JSON. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a role name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the valid roles when {@code name} is none of them
   */
  public static Role fromWireName(String name) {
    for (Role role : values()) {
      if (role.wireName().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + name + "': use readonly, operator, admin or superuser");
  }
}
