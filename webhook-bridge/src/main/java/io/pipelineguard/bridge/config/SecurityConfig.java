package io.pipelineguard.bridge.config;

import io.pipelineguard.bridge.security.ClientAddress;
import java.util.List;

/**
 * The {@code security} section: how API credentials may be sent, rate limits with automatic
 * blocking, and dashboard sessions. Immutable; built with {@link #builder()}, each setter checks
 * its argument and names the key in the exception.
 */
public final class SecurityConfig {
  private final boolean allowQueryApiKey;
  private final int requestsPerMinute;
  private final int requestsPerHour;
  private final int autoBlockThreshold;
  private final int blockDurationMinutes;
  private final int sessionTimeoutMinutes;
  private final int auditRetentionDays;
  private final List<String> trustedProxies;
  private final ClientAddress clientAddress;
  private final boolean cookieSecure;

  private SecurityConfig(Builder b) {
    this.allowQueryApiKey = b.allowQueryApiKey;
    this.requestsPerMinute = b.requestsPerMinute;
    this.requestsPerHour = b.requestsPerHour;
    this.autoBlockThreshold = b.autoBlockThreshold;
    this.blockDurationMinutes = b.blockDurationMinutes;
    this.sessionTimeoutMinutes = b.sessionTimeoutMinutes;
    this.auditRetentionDays = b.auditRetentionDays;
    this.trustedProxies = b.trustedProxies;
    this.clientAddress = b.clientAddress;
    this.cookieSecure = b.cookieSecure;
  }

  /** Returns a builder holding the embedded defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the embedded defaults. */
  public static SecurityConfig defaults() {
    return builder().build();
  }

  /** Returns a builder initialised from this section, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .allowQueryApiKey(allowQueryApiKey)
        .requestsPerMinute(requestsPerMinute)
        .requestsPerHour(requestsPerHour)
        .autoBlockThreshold(autoBlockThreshold)
        .blockDurationMinutes(blockDurationMinutes)
        .sessionTimeoutMinutes(sessionTimeoutMinutes)
        .auditRetentionDays(auditRetentionDays)
        .trustedProxies(trustedProxies)
        .cookieSecure(cookieSecure);
  }

  /** Returns whether the {@code api_key} query parameter is accepted (it ends up in logs). */
  public boolean allowQueryApiKey() {
    return allowQueryApiKey;
  }

  /** Returns the requests one key, or one client address, may make per minute. */
  public int requestsPerMinute() {
    return requestsPerMinute;
  }

  /** Returns the requests one key, or one client address, may make per hour. */
  public int requestsPerHour() {
    return requestsPerHour;
  }

  /** Returns the violations (limit exceeded, failed authentication) that trigger a block. */
  public int autoBlockThreshold() {
    return autoBlockThreshold;
  }

  /** Returns how long a blocked key or address is refused, in minutes. */
  public int blockDurationMinutes() {
    return blockDurationMinutes;
  }

  /** Returns the lifetime of a dashboard session, in minutes. */
  public int sessionTimeoutMinutes() {
    return sessionTimeoutMinutes;
  }

  /**
   * Days audit events are kept ({@code compliance.audit_retention_days}); older ones are deleted at
   * start and every six hours. 0 keeps them forever.
   */
  public int auditRetentionDays() {
    return auditRetentionDays;
  }

  /**
   * Proxies whose {@code X-Forwarded-For} is believed ({@code security.trusted_proxies}: IP
   * addresses or CIDR ranges); empty (the default) uses the TCP peer as the client address.
   */
  public List<String> trustedProxies() {
    return trustedProxies;
  }

  /** The client-address resolver for {@link #trustedProxies()}. */
  public ClientAddress clientAddress() {
    return clientAddress;
  }

  /** Returns whether the session cookie carries {@code Secure} (set it behind TLS). */
  public boolean cookieSecure() {
    return cookieSecure;
  }

  @Override
  public String toString() {
    return "SecurityConfig{allowQueryApiKey="
        + allowQueryApiKey
        + ", requestsPerMinute="
        + requestsPerMinute
        + ", requestsPerHour="
        + requestsPerHour
        + ", autoBlockThreshold="
        + autoBlockThreshold
        + ", blockDurationMinutes="
        + blockDurationMinutes
        + ", sessionTimeoutMinutes="
        + sessionTimeoutMinutes
        + ", auditRetentionDays="
        + auditRetentionDays
        + ", trustedProxies="
        + trustedProxies
        + ", cookieSecure="
        + cookieSecure
        + '}';
  }

  /** Fluent builder; each setter validates its argument. */
  public static final class Builder {
    private boolean allowQueryApiKey;
    private int requestsPerMinute = 120;
    private int requestsPerHour = 3000;
    private int autoBlockThreshold = 5;
    private int blockDurationMinutes = 15;
    private int sessionTimeoutMinutes = 480;
    private int auditRetentionDays = 365;
    private List<String> trustedProxies = List.of();
    private ClientAddress clientAddress = ClientAddress.peerOnly();
    private boolean cookieSecure;

    private Builder() {}

    /** Accepts (true) or ignores (false, the default) the {@code api_key} query parameter. */
    public Builder allowQueryApiKey(boolean allow) {
      this.allowQueryApiKey = allow;
      return this;
    }

    /** Sets the per-minute limit: 1 to 1,000,000. */
    public Builder requestsPerMinute(int n) {
      this.requestsPerMinute = range("security.rate_limit.requests_per_minute", n, 1, 1_000_000);
      return this;
    }

    /** Sets the per-hour limit: 1 to 100,000,000. */
    public Builder requestsPerHour(int n) {
      this.requestsPerHour = range("security.rate_limit.requests_per_hour", n, 1, 100_000_000);
      return this;
    }

    /** Sets the violations before a block: 1 to 1000. */
    public Builder autoBlockThreshold(int n) {
      this.autoBlockThreshold = range("security.rate_limit.auto_block_threshold", n, 1, 1000);
      return this;
    }

    /** Sets the block duration: 1 to 10080 minutes (a week). */
    public Builder blockDurationMinutes(int n) {
      this.blockDurationMinutes = range("security.rate_limit.block_duration_minutes", n, 1, 10_080);
      return this;
    }

    /** Sets the session lifetime: 1 to 43200 minutes (30 days). */
    public Builder sessionTimeoutMinutes(int n) {
      this.sessionTimeoutMinutes = range("security.session_timeout_minutes", n, 1, 43_200);
      return this;
    }

    /** Sets the audit retention: 0 (keep forever) to 36,500 days. */
    public Builder auditRetentionDays(int days) {
      this.auditRetentionDays = range("compliance.audit_retention_days", days, 0, 36_500);
      return this;
    }

    /**
     * Sets the trusted proxies (IP addresses or CIDR ranges), checked here.
     *
     * @throws IllegalArgumentException naming an entry that is neither
     */
    public Builder trustedProxies(List<String> proxies) {
      List<String> copy = List.copyOf(proxies);
      this.clientAddress = ClientAddress.trusting(copy);
      this.trustedProxies = copy;
      return this;
    }

    /** Adds {@code Secure} to the session cookie; needed behind TLS. */
    public Builder cookieSecure(boolean secure) {
      this.cookieSecure = secure;
      return this;
    }

    /** Returns the immutable section. */
    public SecurityConfig build() {
      return new SecurityConfig(this);
    }

    private static int range(String key, int value, int min, int max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            key + " must be between " + min + " and " + max + ", was " + value);
      }
      return value;
    }
  }
}
