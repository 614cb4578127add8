package io.pipelineguard.bridge.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * The {@code notifications.email} section: whether and how alert e-mails are sent over SMTP.
 * Immutable; built with {@link #builder()}. Each setter checks its argument, and {@link
 * Builder#build()} checks that an enabled section names a host and a valid sender; every message
 * names the key. The password is a {@link Secret} and never appears in {@link #toString()}.
 */
public final class EmailConfig {
  private static final String KEY = "notifications.email.";

  private final boolean enabled;
  private final String smtpHost;
  private final int smtpPort;
  private final boolean starttls;
  private final String username;
  private final Secret password;
  private final String from;
  private final int timeoutSeconds;
  private final String dashboardUrl;

  private EmailConfig(Builder b) {
    this.enabled = b.enabled;
    this.smtpHost = b.smtpHost;
    this.smtpPort = b.smtpPort;
    this.starttls = b.starttls;
    this.username = b.username;
    this.password = b.password;
    this.from = b.from;
    this.timeoutSeconds = b.timeoutSeconds;
    this.dashboardUrl = b.dashboardUrl;
  }

  /** Returns a builder holding the embedded defaults (disabled). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the embedded defaults: e-mail disabled. */
  public static EmailConfig defaults() {
    return builder().build();
  }

  /** Returns a builder initialised from this section, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .enabled(enabled)
        .smtpHost(smtpHost)
        .smtpPort(smtpPort)
        .starttls(starttls)
        .username(username)
        .password(password)
        .from(from)
        .timeoutSeconds(timeoutSeconds)
        .dashboardUrl(dashboardUrl);
  }

  /** Returns whether alert e-mails are sent. */
  public boolean enabled() {
    return enabled;
  }

  /** Returns the SMTP server's host name; empty when unset. */
  public String smtpHost() {
    return smtpHost;
  }

  /** Returns the SMTP server's port. */
  public int smtpPort() {
    return smtpPort;
  }

  /** Returns whether STARTTLS is required before anything else is sent. */
  public boolean starttls() {
    return starttls;
  }

  /** Returns the SMTP user name; empty for no authentication. */
  public String username() {
    return username;
  }

  /** Returns the SMTP password. Do not log its value. */
  public Secret password() {
    return password;
  }

  /** Returns the sender address ({@code From}); empty when unset. */
  public String from() {
    return from;
  }

  /** Returns the connect, read and write timeout of SMTP calls, in seconds. */
  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  /** Returns the dashboard's URL linked from each mail; empty for no link. */
  public String dashboardUrl() {
    return dashboardUrl;
  }

  @Override
  public String toString() {
    return "EmailConfig{enabled="
        + enabled
        + ", smtpHost="
        + smtpHost
        + ", smtpPort="
        + smtpPort
        + ", starttls="
        + starttls
        + ", username="
        + username
        + ", password="
        + password
        + ", from="
        + from
        + ", timeoutSeconds="
        + timeoutSeconds
        + ", dashboardUrl="
        + dashboardUrl
        + '}';
  }

  /** Fluent builder; each setter validates its argument, {@link #build()} the whole. */
  public static final class Builder {
    private boolean enabled;
    private String smtpHost = "";
    private int smtpPort = 587;
    private boolean starttls = true;
    private String username = "";
    private Secret password = Secret.empty();
    private String from = "";
    private int timeoutSeconds = 10;
    private String dashboardUrl = "";

    private Builder() {}

    /** Turns alert e-mails on or off (default off). */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Sets the SMTP host: a name or address without spaces or control characters. */
    public Builder smtpHost(String host) {
      this.smtpHost = plain("smtp_host", host);
      return this;
    }

    /** Sets the SMTP port: 1 to 65535. */
    public Builder smtpPort(int port) {
      if (port < 1 || port > BridgeConfig.MAX_PORT) {
        throw new IllegalArgumentException(
            KEY + "smtp_port must be between 1 and " + BridgeConfig.MAX_PORT + ", was " + port);
      }
      this.smtpPort = port;
      return this;
    }

    /** Requires STARTTLS (default on); turn off only for a local relay or a test server. */
    public Builder starttls(boolean starttls) {
      this.starttls = starttls;
      return this;
    }

    /** Sets the SMTP user name; empty (the default) sends without authentication. */
    public Builder username(String username) {
      this.username = plain("username", username);
      return this;
    }

    /** Sets the SMTP password, used only with a user name. */
    public Builder password(Secret password) {
      this.password = Objects.requireNonNull(password, KEY + "password must not be null");
      return this;
    }

    /** Sets the sender address; required when enabled, checked by {@link #build()}. */
    public Builder from(String from) {
      String value = Objects.requireNonNull(from, KEY + "from must not be null").trim();
      if (value.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException(KEY + "from must not contain control characters");
      }
      this.from = value;
      return this;
    }

    /** Sets the SMTP timeout: 1 to 300 seconds. */
    public Builder timeoutSeconds(int seconds) {
      if (seconds < 1 || seconds > 300) {
        throw new IllegalArgumentException(
            KEY + "timeout_seconds must be between 1 and 300, was " + seconds);
      }
      this.timeoutSeconds = seconds;
      return this;
    }

    /** Sets the dashboard URL linked from mails: empty, or an absolute http(s) URL. */
    public Builder dashboardUrl(String url) {
      String value = Objects.requireNonNull(url, KEY + "dashboard_url must not be null").trim();
      if (!value.isEmpty()) {
        try {
          URI uri = new URI(value);
          if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
              || uri.getHost() == null) {
            throw new IllegalArgumentException(
                KEY + "dashboard_url must be an absolute http(s) URL, was '" + value + "'");
          }
        } catch (URISyntaxException e) {
          throw new IllegalArgumentException(
              KEY + "dashboard_url is not a valid URL: " + e.getMessage(), e);
        }
      }
      this.dashboardUrl = value;
      return this;
    }

    /**
     * Returns the immutable section.
     *
     * @throws IllegalArgumentException when enabled without {@code smtp_host} or with a missing or
     *     invalid {@code from}
     */
    public EmailConfig build() {
      if (enabled) {
        if (smtpHost.isEmpty()) {
          throw new IllegalArgumentException(
              KEY + "smtp_host must be set when " + KEY + "enabled is true");
        }
        if (from.isEmpty()) {
          throw new IllegalArgumentException(
              KEY + "from must be set when " + KEY + "enabled is true");
        }
        try {
          new InternetAddress(from, true);
        } catch (AddressException e) {
          throw new IllegalArgumentException(
              KEY + "from is not a valid e-mail address: '" + from + "'", e);
        }
      }
      return new EmailConfig(this);
    }

    private static String plain(String key, String value) {
      String v = Objects.requireNonNull(value, KEY + key + " must not be null").trim();
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
          throw new IllegalArgumentException(
              KEY + key + " must not contain spaces or control characters");
        }
      }
      return v;
    }
  }
}
