package io.pipelineguard.bridge.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who a request acts as once authenticated: an API key (directly or through a session), or the
 * bootstrap admin key from the configuration.
 *
 * @param name the key's name
 * @param role the key's role
 * @param extraPermissions permissions beyond the role's
 * @param keyId the stored key's id; null for the bootstrap key
 */
public record Principal(String name, Role role, List<Permission> extraPermissions, Long keyId) {
  /** Name of the bootstrap key ({@code api.admin_key}) in audit entries and sessions. */
  public static final String BOOTSTRAP_NAME = "bootstrap-admin-key";

  /** Copies the permission list. */
  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    extraPermissions = List.copyOf(extraPermissions);
  }

  /** Returns the principal of the configured bootstrap key: a superuser. */
  public static Principal bootstrap() {
    return new Principal(BOOTSTRAP_NAME, Role.SUPERUSER, List.of(), null);
  }

  /**
   * Returns whether the role or an extra permission grants {@code needed}. Costs a few compares.
   */
  public boolean grants(Permission needed) {
    if (role.grants(needed)) {
      return true;
    }
    for (Permission held : extraPermissions) {
      if (held.implies(needed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the first permission a key of {@code role} with {@code extras} would hold that this
   * principal does not, or null when it holds them all: a key can only hand out what it has (so an
   * admin cannot create or revoke a superuser key).
   */
  public Permission missingFor(Role other, List<Permission> extras) {
    List<Permission> wanted = new ArrayList<>(other.permissions());
    wanted.addAll(extras);
    for (Permission permission : wanted) {
      if (!grants(permission)) {
        return permission;
      }
    }
    return null;
  }

  /** Returns the role's and the extra permissions, as strings, without duplicates. */
  public List<String> permissionNames() {
    Set<String> names = new LinkedHashSet<>();
    role.permissions().forEach(p -> names.add(p.value()));
    extraPermissions.forEach(p -> names.add(p.value()));
    return List.copyOf(names);
  }

  /** Returns the rate-limiting subject of this principal. */
  public String rateSubject() {
    return keyId == null ? "key:bootstrap" : "key:" + keyId;
  }
}
