package io.pipelineguard.bridge.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A parsed {@code DATABASE_URL}: the JDBC URL, user and password the pool needs. Accepts the
 * Heroku/12-factor form {@code postgres://user:pass@host:port/db?params} (also {@code
 * postgresql://}) and JDBC URLs ({@code jdbc:postgresql://...}, {@code jdbc:h2:...}) as they are.
 *
 * <p>{@link #toString()} and {@link #redacted()} never show the password, whether it came in the
 * user-info part or as a {@code password=} parameter.
 */
public final class DatabaseUrl {
  private final String jdbcUrl;
  private final String user;
  private final String password;

  private DatabaseUrl(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /**
   * Parses a {@code DATABASE_URL}.
   *
   * @throws IllegalArgumentException naming {@code DATABASE_URL} and the rule, without the password
   */
  public static DatabaseUrl parse(String url) {
    Objects.requireNonNull(url, "DATABASE_URL must not be null");
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:postgresql:") || trimmed.startsWith("jdbc:h2:")) {
      return new DatabaseUrl(trimmed, null, null);
    }
    if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with postgres://, postgresql://, jdbc:postgresql: or jdbc:h2:"
              + " (was '"
              + redact(trimmed)
              + "')");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "DATABASE_URL is not a valid URL: '" + redact(trimmed) + "'", null);
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException(
          "DATABASE_URL must name a host and a database, as postgres://user:pass@host:5432/db"
              + " (was '"
              + redact(trimmed)
              + "')");
    }
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append(uri.getRawPath());
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    return new DatabaseUrl(jdbc.toString(), user, password);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  /** Returns the JDBC URL, which may still carry a {@code password=} parameter: do not log it. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** Returns the user name, or null when the URL carries none. */
  public String user() {
    return user;
  }

  /** Returns the password, or null when the URL carries none. Do not log it. */
  public String password() {
    return password;
  }

  /** Returns true for PostgreSQL, false for H2. */
  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  /** Returns the JDBC URL with any password masked, safe for logs. */
  public String redacted() {
    return redact(jdbcUrl) + (user == null ? "" : " (user " + user + ")");
  }

  static String redact(String url) {
    String masked = url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    return masked.replaceAll("://([^:/@]+):[^@/]*@", "://$1:****@");
  }

  @Override
  public String toString() {
    return redacted();
  }
}
