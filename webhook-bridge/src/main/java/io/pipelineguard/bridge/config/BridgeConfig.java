package io.pipelineguard.bridge.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The webhook bridge's validated, immutable configuration. Built with {@link #builder()} or loaded
 * by {@link ConfigLoader}; every setter checks its argument at once. Secrets are held as {@link
 * Secret} and {@link #toString()} masks them.
 */
public final class BridgeConfig {
  /** Largest TCP port number. */
  public static final int MAX_PORT = 65_535;

  /** Default largest webhook body, GitHub's own cap: 25 MiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 25L * 1024 * 1024;

  /** Default largest job log fetched from a platform API: 50 MiB. */
  public static final long DEFAULT_MAX_LOG_BYTES = 50L * 1024 * 1024;

  private final String host;
  private final int port;
  private final int hdcDimensionBits;
  private final long hdcSeed;
  private final long maxBodyBytes;
  private final Secret githubSecret;
  private final Secret gitlabToken;
  private final String azureUsername;
  private final Secret azurePassword;
  private final Secret jenkinsToken;
  private final int workerThreads;
  private final int workerQueueSize;
  private final int sweepIntervalSeconds;
  private final Path dataDir;
  private final Secret databaseUrl;
  private final int poolSize;
  private final Secret adminKey;
  private final java.util.Map<io.pipelineguard.bridge.store.Platform, PlatformApi> platformApis;
  private final long maxLogBytes;
  private final int maxRetryDelaySeconds;
  private final SecurityConfig security;
  private final io.pipelineguard.repair.ApprovalRule requireApproval;
  private final io.pipelineguard.monitor.MonitorSettings monitoring;
  private final java.util.List<String> pipelines;
  private final EmailConfig email;

  private BridgeConfig(Builder builder) {
    this.host = builder.host;
    this.port = builder.port;
    this.hdcDimensionBits = builder.hdcDimensionBits;
    this.hdcSeed = builder.hdcSeed;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.githubSecret = builder.githubSecret;
    this.gitlabToken = builder.gitlabToken;
    this.azureUsername = builder.azureUsername;
    this.azurePassword = builder.azurePassword;
    this.jenkinsToken = builder.jenkinsToken;
    this.workerThreads = builder.workerThreads;
    this.workerQueueSize = builder.workerQueueSize;
    this.sweepIntervalSeconds = builder.sweepIntervalSeconds;
    this.dataDir = builder.dataDir;
    this.databaseUrl = builder.databaseUrl;
    this.poolSize = builder.poolSize;
    this.adminKey = builder.adminKey;
    this.platformApis = java.util.Map.copyOf(builder.platformApis);
    this.maxLogBytes = builder.maxLogBytes;
    this.maxRetryDelaySeconds = builder.maxRetryDelaySeconds;
    this.security = builder.security;
    this.requireApproval = builder.requireApproval;
    this.monitoring = builder.monitoring;
    this.pipelines = java.util.List.copyOf(builder.pipelines);
    this.email = builder.email;
  }

  /** Returns a builder holding the embedded defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from this configuration, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.hdcDimensionBits = hdcDimensionBits;
    b.hdcSeed = hdcSeed;
    b.maxBodyBytes = maxBodyBytes;
    b.githubSecret = githubSecret;
    b.gitlabToken = gitlabToken;
    b.azureUsername = azureUsername;
    b.azurePassword = azurePassword;
    b.jenkinsToken = jenkinsToken;
    b.workerThreads = workerThreads;
    b.workerQueueSize = workerQueueSize;
    b.sweepIntervalSeconds = sweepIntervalSeconds;
    b.dataDir = dataDir;
    b.databaseUrl = databaseUrl;
    b.poolSize = poolSize;
    b.adminKey = adminKey;
    b.platformApis.putAll(platformApis);
    b.maxLogBytes = maxLogBytes;
    b.maxRetryDelaySeconds = maxRetryDelaySeconds;
    b.security = security;
    b.requireApproval = requireApproval;
    b.monitoring = monitoring;
    b.pipelines = pipelines;
    b.email = email;
    return b;
  }

  /** Returns the interface the HTTP server binds to. */
  public String host() {
    return host;
  }

  /** Returns the TCP port; 0 means any free port. */
  public int port() {
    return port;
  }

  /** Returns the requested hypervector dimension in bits (rounded up to 64 by the engine). */
  public int hdcDimensionBits() {
    return hdcDimensionBits;
  }

  /** Returns the item-memory seed of the HDC model. */
  public long hdcSeed() {
    return hdcSeed;
  }

  /** Returns the largest webhook body accepted, in bytes ({@code webhooks.max_body_bytes}). */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Returns the GitHub HMAC secret ({@code webhooks.github.secret}). */
  public Secret githubSecret() {
    return githubSecret;
  }

  /** Returns the GitLab token ({@code webhooks.gitlab.token}). */
  public Secret gitlabToken() {
    return gitlabToken;
  }

  /** Returns the Azure DevOps basic-auth user name ({@code webhooks.azure.username}). */
  public String azureUsername() {
    return azureUsername;
  }

  /** Returns the Azure DevOps basic-auth password ({@code webhooks.azure.password}). */
  public Secret azurePassword() {
    return azurePassword;
  }

  /** Returns the Jenkins shared token ({@code webhooks.jenkins.token}). */
  public Secret jenkinsToken() {
    return jenkinsToken;
  }

  /** Returns the number of background worker threads ({@code workers.threads}). */
  public int workerThreads() {
    return workerThreads;
  }

  /** Returns the in-memory worker queue capacity ({@code workers.queue_size}). */
  public int workerQueueSize() {
    return workerQueueSize;
  }

  /** Returns the seconds between sweeps for pending deliveries. */
  public int sweepIntervalSeconds() {
    return sweepIntervalSeconds;
  }

  /** Returns the directory of the embedded store ({@code store.data_dir}). */
  public Path dataDir() {
    return dataDir;
  }

  /** Returns {@code DATABASE_URL}; unset means the embedded store. */
  public Secret databaseUrl() {
    return databaseUrl;
  }

  /** Returns the connection pool's maximum size ({@code store.pool_size}). */
  public int poolSize() {
    return poolSize;
  }

  /**
   * Returns the bootstrap admin key ({@code api.admin_key}): a superuser credential besides the
   * stored API keys; unset means only stored keys are accepted.
   */
  public Secret adminKey() {
    return adminKey;
  }

  /**
   * Returns how to call {@code platform}'s API (logs and repairs); {@link PlatformApi#none()} when
   * not configured.
   */
  public PlatformApi platformApi(io.pipelineguard.bridge.store.Platform platform) {
    return platformApis.getOrDefault(platform, PlatformApi.none());
  }

  /** Returns the largest job log fetched from a platform, in bytes; the rest is not read. */
  public long maxLogBytes() {
    return maxLogBytes;
  }

  /** Returns the longest backoff waited (on a worker thread) before a re-run, in seconds. */
  public int maxRetryDelaySeconds() {
    return maxRetryDelaySeconds;
  }

  /** Returns the {@code security} section (rate limits, sessions, how keys may be sent). */
  public SecurityConfig security() {
    return security;
  }

  /** Returns which repairs wait for approval ({@code auto_repair.require_approval}). */
  public io.pipelineguard.repair.ApprovalRule requireApproval() {
    return requireApproval;
  }

  /**
   * Returns the {@code pipelines:} entries, each a JSON object with the fields of {@code POST
   * /api/pipelines}, registered when the server starts (which checks them).
   */
  public java.util.List<String> pipelines() {
    return pipelines;
  }

  /** Returns the {@code notifications.email} section (alert e-mails over SMTP). */
  public EmailConfig email() {
    return email;
  }

  /** Returns how pipelines are judged (health thresholds, windows, anomaly sensitivity). */
  public io.pipelineguard.monitor.MonitorSettings monitoring() {
    return monitoring;
  }

  @Override
  public String toString() {
    return "BridgeConfig{host="
        + host
        + ", port="
        + port
        + ", hdcDimensionBits="
        + hdcDimensionBits
        + ", hdcSeed="
        + hdcSeed
        + ", maxBodyBytes="
        + maxBodyBytes
        + ", githubSecret="
        + githubSecret
        + ", gitlabToken="
        + gitlabToken
        + ", azureUsername="
        + azureUsername
        + ", azurePassword="
        + azurePassword
        + ", jenkinsToken="
        + jenkinsToken
        + ", workerThreads="
        + workerThreads
        + ", workerQueueSize="
        + workerQueueSize
        + ", sweepIntervalSeconds="
        + sweepIntervalSeconds
        + ", dataDir="
        + dataDir
        + ", databaseUrl="
        + databaseUrl
        + ", poolSize="
        + poolSize
        + ", adminKey="
        + adminKey
        + ", platformApis="
        + new java.util.TreeMap<>(platformApis)
        + ", maxLogBytes="
        + maxLogBytes
        + ", maxRetryDelaySeconds="
        + maxRetryDelaySeconds
        + ", security="
        + security
        + ", requireApproval="
        + requireApproval.wireName()
        + ", monitoring="
        + monitoring
        + ", pipelines="
        + pipelines.size()
        + ", email="
        + email
        + '}';
  }

  /** Fluent builder; each setter validates its argument and names it in the exception. */
  public static final class Builder {
    private String host = "0.0.0.0";
    private int port = 8080;
    private int hdcDimensionBits = 10_240;
    private long hdcSeed = 20_261_128L;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Secret githubSecret = Secret.empty();
    private Secret gitlabToken = Secret.empty();
    private String azureUsername = "";
    private Secret azurePassword = Secret.empty();
    private Secret jenkinsToken = Secret.empty();
    private int workerThreads = 2;
    private int workerQueueSize = 1000;
    private int sweepIntervalSeconds = 10;
    private Path dataDir = Path.of("data");
    private Secret databaseUrl = Secret.empty();
    private int poolSize = 8;
    private Secret adminKey = Secret.empty();
    private final java.util.Map<io.pipelineguard.bridge.store.Platform, PlatformApi> platformApis =
        new java.util.EnumMap<>(io.pipelineguard.bridge.store.Platform.class);
    private long maxLogBytes = DEFAULT_MAX_LOG_BYTES;
    private int maxRetryDelaySeconds = 600;
    private SecurityConfig security = SecurityConfig.defaults();

    /** Sets the {@code security} section. */
    public Builder security(SecurityConfig security) {
      this.security = Objects.requireNonNull(security, "security must not be null");
      return this;
    }

    private io.pipelineguard.repair.ApprovalRule requireApproval =
        io.pipelineguard.repair.ApprovalRule.NONE;

    /** Sets which reruns and rollbacks wait for a person's approval (default none). */
    public Builder requireApproval(io.pipelineguard.repair.ApprovalRule rule) {
      this.requireApproval = Objects.requireNonNull(rule, "auto_repair.require_approval");
      return this;
    }

    private java.util.List<String> pipelines = java.util.List.of();

    private EmailConfig email = EmailConfig.defaults();

    /** Sets the {@code notifications.email} section. */
    public Builder email(EmailConfig email) {
      this.email = Objects.requireNonNull(email, "notifications.email must not be null");
      return this;
    }

    /** Sets the pipelines registered at start, each a JSON object (checked by the server). */
    public Builder pipelines(java.util.List<String> entries) {
      this.pipelines = java.util.List.copyOf(entries);
      return this;
    }

    private io.pipelineguard.monitor.MonitorSettings monitoring =
        io.pipelineguard.monitor.MonitorSettings.defaults();

    /** Sets the monitoring settings ({@code monitoring:}). */
    public Builder monitoring(io.pipelineguard.monitor.MonitorSettings settings) {
      this.monitoring = java.util.Objects.requireNonNull(settings, "monitoring must not be null");
      return this;
    }

    /** Sets the longest backoff waited before a re-run: 0 (none) to 3600 seconds. */
    public Builder maxRetryDelaySeconds(int seconds) {
      if (seconds < 0 || seconds > 3600) {
        throw new IllegalArgumentException(
            "platforms.max_retry_delay_seconds must be between 0 and 3600, was " + seconds);
      }
      this.maxRetryDelaySeconds = seconds;
      return this;
    }

    private Builder() {}

    /** Sets how to call {@code platform}'s API. */
    public Builder platformApi(io.pipelineguard.bridge.store.Platform platform, PlatformApi api) {
      platformApis.put(
          Objects.requireNonNull(platform, "platform must not be null"),
          Objects.requireNonNull(api, "platform api must not be null"));
      return this;
    }

    /** Sets the largest job log fetched, 1 KiB to 1 GiB. */
    public Builder maxLogBytes(long bytes) {
      if (bytes < 1024 || bytes > (1L << 30)) {
        throw new IllegalArgumentException(
            "platforms.max_log_bytes must be between 1024 and 1073741824, was " + bytes);
      }
      this.maxLogBytes = bytes;
      return this;
    }

    /** Sets the bind interface; must not be blank. */
    public Builder host(String host) {
      Objects.requireNonNull(host, "server.host must not be null");
      if (host.isBlank()) {
        throw new IllegalArgumentException("server.host must not be blank");
      }
      this.host = host;
      return this;
    }

    /** Sets the TCP port, 0 to {@value #MAX_PORT}; 0 picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > MAX_PORT) {
        throw new IllegalArgumentException(
            "server.port must be between 0 and " + MAX_PORT + ", was " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the hypervector dimension in bits; must be positive. */
    public Builder hdcDimensionBits(int bits) {
      if (bits <= 0) {
        throw new IllegalArgumentException(
            "hdc.dimension must be a positive number of bits, was " + bits);
      }
      this.hdcDimensionBits = bits;
      return this;
    }

    /** Sets the item-memory seed. */
    public Builder hdcSeed(long seed) {
      this.hdcSeed = seed;
      return this;
    }

    /** Sets the largest webhook body in bytes: 1 KiB to 1 GiB. */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1024 || bytes > 1024L * 1024 * 1024) {
        throw new IllegalArgumentException(
            "webhooks.max_body_bytes must be between 1024 and 1073741824 bytes, was " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** Sets the GitHub webhook secret; empty disables GitHub intake (401). */
    public Builder githubSecret(Secret secret) {
      this.githubSecret = Objects.requireNonNull(secret, "webhooks.github.secret must not be null");
      return this;
    }

    /** Sets the GitLab webhook token; empty disables GitLab intake (401). */
    public Builder gitlabToken(Secret token) {
      this.gitlabToken = Objects.requireNonNull(token, "webhooks.gitlab.token must not be null");
      return this;
    }

    /** Sets the Azure DevOps basic-auth credentials; an empty password disables Azure intake. */
    public Builder azureCredentials(String username, Secret password) {
      this.azureUsername =
          Objects.requireNonNull(username, "webhooks.azure.username must not be null");
      this.azurePassword =
          Objects.requireNonNull(password, "webhooks.azure.password must not be null");
      return this;
    }

    /** Sets the Jenkins shared token; empty disables Jenkins intake (401). */
    public Builder jenkinsToken(Secret token) {
      this.jenkinsToken = Objects.requireNonNull(token, "webhooks.jenkins.token must not be null");
      return this;
    }

    /** Sets the worker thread count: 1 to 256. */
    public Builder workerThreads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException(
            "workers.threads must be between 1 and 256, was " + threads);
      }
      this.workerThreads = threads;
      return this;
    }

    /** Sets the worker queue capacity: 1 to 1,000,000 deliveries. */
    public Builder workerQueueSize(int size) {
      if (size < 1 || size > 1_000_000) {
        throw new IllegalArgumentException(
            "workers.queue_size must be between 1 and 1000000 deliveries, was " + size);
      }
      this.workerQueueSize = size;
      return this;
    }

    /** Sets the seconds between sweeps for pending deliveries: 1 to 3600. */
    public Builder sweepIntervalSeconds(int seconds) {
      if (seconds < 1 || seconds > 3600) {
        throw new IllegalArgumentException(
            "workers.sweep_interval_seconds must be between 1 and 3600 seconds, was " + seconds);
      }
      this.sweepIntervalSeconds = seconds;
      return this;
    }

    /** Sets the embedded store's directory. */
    public Builder dataDir(Path dir) {
      this.dataDir = Objects.requireNonNull(dir, "store.data_dir must not be null");
      return this;
    }

    /** Sets {@code DATABASE_URL}; empty selects the embedded store. */
    public Builder databaseUrl(Secret url) {
      this.databaseUrl = Objects.requireNonNull(url, "store.database_url must not be null");
      return this;
    }

    /** Sets the connection pool's maximum size: 1 to 200. */
    public Builder poolSize(int size) {
      if (size < 1 || size > 200) {
        throw new IllegalArgumentException(
            "store.pool_size must be between 1 and 200 connections, was " + size);
      }
      this.poolSize = size;
      return this;
    }

    /** Sets the bootstrap admin key (a superuser credential); empty: stored keys only. */
    public Builder adminKey(Secret key) {
      this.adminKey = Objects.requireNonNull(key, "api.admin_key must not be null");
      return this;
    }

    /** Returns the immutable configuration. */
    public BridgeConfig build() {
      return new BridgeConfig(this);
    }
  }
}
