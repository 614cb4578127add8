package io.pipelineguard.bridge.security;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A permission string {@code resource:action} ({@code pipelines:read}, {@code repairs:execute}),
 * where either part may be the wildcard {@code *}; {@code *} alone grants everything. Held by roles
 * and API keys, and declared by every API endpoint as what it needs.
 *
 * @param value the permission as written, validated by the constructor
 */
public record Permission(String value) {
  private static final Pattern SHAPE =
      Pattern.compile("\\*|([a-z][a-z_]{0,31}|\\*):([a-z][a-z_]{0,31}|\\*)");

  /** Everything: the superuser's permission. */
  public static final Permission ALL = new Permission("*");

  /** Validates the shape; rejects anything but {@code resource:action} or {@code *}. */
  public Permission {
    Objects.requireNonNull(value, "permission must not be null");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "permission must look like resource:action (lowercase, '*' as a wildcard), got: "
              + (value.length() > 40 ? value.substring(0, 40) + "..." : value));
    }
  }

  /** Parses a permission string; same as the constructor. */
  public static Permission of(String value) {
    return new Permission(value);
  }

  /**
   * Parses a comma-separated list ({@code "audit:read, keys:read"}); blank entries are skipped.
   *
   * @throws IllegalArgumentException naming the first malformed permission
   */
  public static java.util.List<Permission> parseList(String commaSeparated) {
    java.util.List<Permission> out = new java.util.ArrayList<>();
    for (String part : commaSeparated.split(",", -1)) {
      if (!part.isBlank()) {
        out.add(of(part.trim()));
      }
    }
    return out;
  }

  /**
   * Returns whether holding this permission grants {@code needed}: equal, or a wildcard covering it
   * ({@code pipelines:*} grants {@code pipelines:read}; {@code *} grants all). Constant cost.
   */
  public boolean implies(Permission needed) {
    if (value.equals("*") || value.equals(needed.value)) {
      return true;
    }
    if (needed.value.equals("*")) {
      return false;
    }
    int mine = value.indexOf(':');
    int theirs = needed.value.indexOf(':');
    String resource = value.substring(0, mine);
    String action = value.substring(mine + 1);
    return (resource.equals("*") || resource.equals(needed.value.substring(0, theirs)))
        && (action.equals("*") || action.equals(needed.value.substring(theirs + 1)));
  }

  @Override
  public String toString() {
    return value;
  }
}
