package io.pipelineguard.bridge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.monitor.HealthThresholds;
import io.pipelineguard.monitor.MonitorSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads the bridge's configuration in three layers: the embedded defaults (the shared resource
 * {@code pipeline-guard-defaults.yaml}), then an optional YAML file, then environment variables.
 *
 * <p>Every key of the file must exist in the defaults, so a misspelt key fails the start with a
 * message naming it. Files are read whole and are limited to {@value #MAX_FILE_BYTES} bytes.
 */
public final class ConfigLoader {
  /** Classpath location of the embedded defaults, shared by both doors. */
  public static final String DEFAULTS_RESOURCE =
      "/io/pipelineguard/shared/pipeline-guard-defaults.yaml";

  /** Largest configuration file accepted, in bytes. */
  public static final long MAX_FILE_BYTES = 1024 * 1024;

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Map<String, String> environment;

  /**
   * Creates a loader that reads overrides from the given environment.
   *
   * @param environment environment variables, usually {@link System#getenv()}
   */
  public ConfigLoader(Map<String, String> environment) {
    this.environment =
        Map.copyOf(Objects.requireNonNull(environment, "environment must not be null"));
  }

  /**
   * Loads the configuration.
   *
   * @param file a YAML file overriding the defaults, or null for the defaults alone
   * @return the validated configuration
   * @throws ConfigException naming the file, key and rule when anything is wrong
   */
  public BridgeConfig load(Path file) {
    ObjectNode merged = readDefaults();
    String source = "embedded defaults";
    if (file != null) {
      ObjectNode overrides = readFile(file);
      checkKnownKeys(merged, overrides, "");
      deepMerge(merged, overrides);
      source = file.toString();
    }
    return toConfig(merged, source);
  }

  private ObjectNode readDefaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "embedded defaults missing from the classpath: " + DEFAULTS_RESOURCE);
      }
      return (ObjectNode) yaml.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("embedded defaults unreadable: " + DEFAULTS_RESOURCE, e);
    }
  }

  private ObjectNode readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("configuration file " + file + " does not exist or is not a file");
    }
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new ConfigException(
            "configuration file "
                + file
                + " is "
                + size
                + " bytes; the limit is "
                + MAX_FILE_BYTES);
      }
      JsonNode tree = yaml.readTree(Files.readAllBytes(file));
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return yaml.createObjectNode();
      }
      if (!tree.isObject()) {
        throw new ConfigException(
            "configuration file " + file + " must hold a YAML mapping at the top");
      }
      return (ObjectNode) tree;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new ConfigException(
          "configuration file "
              + file
              + " is not valid YAML"
              + where
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void checkKnownKeys(JsonNode defaults, JsonNode overrides, String prefix) {
    for (Map.Entry<String, JsonNode> field : overrides.properties()) {
      String key = prefix + field.getKey();
      JsonNode known = defaults.get(field.getKey());
      if (known == null) {
        Set<String> names = new TreeSet<>();
        defaults.fieldNames().forEachRemaining(names::add);
        throw new ConfigException(
            "unknown configuration key '" + key + "' (known here: " + names + ")");
      }
      if (known.isArray() && !field.getValue().isArray()) {
        throw new ConfigException("configuration key '" + key + "' must be a list");
      }
      if (known.isObject()) {
        if (!field.getValue().isObject()) {
          throw new ConfigException("configuration key '" + key + "' must be a mapping");
        }
        checkKnownKeys(known, field.getValue(), key + ".");
      }
    }
  }

  private static void deepMerge(ObjectNode target, ObjectNode overrides) {
    List<String> names = new ArrayList<>();
    overrides.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode value = overrides.get(name);
      JsonNode existing = target.get(name);
      if (existing instanceof ObjectNode && value instanceof ObjectNode) {
        deepMerge((ObjectNode) existing, (ObjectNode) value);
      } else {
        target.set(name, value);
      }
    }
  }

  private BridgeConfig toConfig(ObjectNode tree, String source) {
    BridgeConfig.Builder builder = BridgeConfig.builder();
    try {
      builder.host(env("PIPELINE_GUARD_HOST", text(tree, "server", "host", source)));
      builder.port(integer("PIPELINE_GUARD_PORT", tree, "server", "port", source));
      builder.hdcDimensionBits(integer("HDC_DIMENSION", tree, "hdc", "dimension", source));
      builder.hdcSeed(longValue(tree, "hdc", "seed", source));
      builder.maxBodyBytes(
          longAt("PIPELINE_GUARD_MAX_BODY_BYTES", tree, "webhooks.max_body_bytes", source));
      builder.githubSecret(
          Secret.of(textAt("GITHUB_WEBHOOK_SECRET", tree, "webhooks.github.secret", source)));
      builder.gitlabToken(
          Secret.of(textAt("GITLAB_WEBHOOK_TOKEN", tree, "webhooks.gitlab.token", source)));
      builder.azureCredentials(
          textAt("AZURE_WEBHOOK_USERNAME", tree, "webhooks.azure.username", source),
          Secret.of(textAt("AZURE_WEBHOOK_PASSWORD", tree, "webhooks.azure.password", source)));
      builder.jenkinsToken(
          Secret.of(textAt("JENKINS_WEBHOOK_TOKEN", tree, "webhooks.jenkins.token", source)));
      builder.workerThreads(
          (int) longAt("PIPELINE_GUARD_WORKER_THREADS", tree, "workers.threads", source));
      builder.workerQueueSize(
          (int) longAt("PIPELINE_GUARD_WORKER_QUEUE_SIZE", tree, "workers.queue_size", source));
      builder.sweepIntervalSeconds(
          (int) longAt(null, tree, "workers.sweep_interval_seconds", source));
      builder.dataDir(Path.of(textAt("PIPELINE_GUARD_DATA_DIR", tree, "store.data_dir", source)));
      builder.databaseUrl(Secret.of(textAt("DATABASE_URL", tree, "store.database_url", source)));
      builder.poolSize(
          (int) longAt("PIPELINE_GUARD_DB_POOL_SIZE", tree, "store.pool_size", source));
      builder.adminKey(
          Secret.of(textAt("PIPELINE_GUARD_ADMIN_KEY", tree, "api.admin_key", source)));
      builder.security(security(tree, source));
      builder.maxLogBytes(
          longAt("PIPELINE_GUARD_MAX_LOG_BYTES", tree, "platforms.max_log_bytes", source));
      builder.requireApproval(
          io.pipelineguard.repair.ApprovalRule.fromWireName(
              textAt(null, tree, "auto_repair.require_approval", source)));
      builder.maxRetryDelaySeconds(
          (int) longAt(null, tree, "platforms.max_retry_delay_seconds", source));
      builder.monitoring(monitoring(tree, source));
      builder.pipelines(pipelines(tree, source));
      builder.email(email(tree, source));
      builder.platformApi(
          Platform.GITHUB,
          new PlatformApi(
              textAt("GITHUB_API_URL", tree, "platforms.github.url", source),
              "",
              Secret.of(textAt("GITHUB_TOKEN", tree, "platforms.github.token", source))));
      builder.platformApi(
          Platform.GITLAB,
          new PlatformApi(
              textAt("GITLAB_URL", tree, "platforms.gitlab.url", source),
              "",
              Secret.of(textAt("GITLAB_TOKEN", tree, "platforms.gitlab.token", source))));
      builder.platformApi(
          Platform.AZURE_DEVOPS,
          new PlatformApi(
              textAt("AZURE_DEVOPS_URL", tree, "platforms.azure.url", source),
              "",
              Secret.of(textAt("AZURE_DEVOPS_TOKEN", tree, "platforms.azure.token", source))));
      builder.platformApi(
          Platform.JENKINS,
          new PlatformApi(
              textAt("JENKINS_URL", tree, "platforms.jenkins.url", source),
              textAt("JENKINS_USERNAME", tree, "platforms.jenkins.username", source),
              Secret.of(textAt("JENKINS_TOKEN", tree, "platforms.jenkins.token", source))));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage() + " (from " + source + " or the environment)", e);
    }
    return builder.build();
  }

  /** A list of strings at {@code dottedKey}; each entry must be a scalar. */
  private static List<String> textList(ObjectNode tree, String dottedKey, String source) {
    JsonNode list = nodeAt(tree, dottedKey, source);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      if (!entry.isValueNode()) {
        throw new ConfigException(
            dottedKey + "[" + i + "] must be a single value (from " + source + ")");
      }
      out.add(entry.asText());
    }
    return out;
  }

  /** Each {@code pipelines:} entry as JSON text; its fields are checked when the server starts. */
  private List<String> pipelines(ObjectNode tree, String source) {
    List<String> entries = new ArrayList<>();
    JsonNode list = tree.get("pipelines");
    if (list == null || list.isNull()) {
      return entries;
    }
    for (int i = 0; i < list.size(); i++) {
      if (!list.get(i).isObject()) {
        throw new ConfigException(
            "pipelines[" + i + "] must be a mapping with id, name, ... (from " + source + ")");
      }
      entries.add(list.get(i).toString());
    }
    return entries;
  }

  private SecurityConfig security(ObjectNode tree, String source) {
    return SecurityConfig.builder()
        .allowQueryApiKey(booleanAt(tree, "security.allow_query_api_key", source))
        .requestsPerMinute(
            (int) longAt(null, tree, "security.rate_limit.requests_per_minute", source))
        .requestsPerHour((int) longAt(null, tree, "security.rate_limit.requests_per_hour", source))
        .autoBlockThreshold(
            (int) longAt(null, tree, "security.rate_limit.auto_block_threshold", source))
        .blockDurationMinutes(
            (int) longAt(null, tree, "security.rate_limit.block_duration_minutes", source))
        .sessionTimeoutMinutes((int) longAt(null, tree, "security.session_timeout_minutes", source))
        .cookieSecure(booleanAt(tree, "security.cookie_secure", source))
        .auditRetentionDays((int) longAt(null, tree, "compliance.audit_retention_days", source))
        .trustedProxies(textList(tree, "security.trusted_proxies", source))
        .build();
  }

  private EmailConfig email(ObjectNode tree, String source) {
    String key = "notifications.email.";
    return EmailConfig.builder()
        .enabled(booleanAt(tree, key + "enabled", source))
        .smtpHost(textAt("PIPELINE_GUARD_SMTP_HOST", tree, key + "smtp_host", source))
        .smtpPort((int) longAt("PIPELINE_GUARD_SMTP_PORT", tree, key + "smtp_port", source))
        .starttls(booleanAt(tree, key + "starttls", source))
        .username(textAt("PIPELINE_GUARD_SMTP_USERNAME", tree, key + "username", source))
        .password(Secret.of(textAt("PIPELINE_GUARD_SMTP_PASSWORD", tree, key + "password", source)))
        .from(textAt("PIPELINE_GUARD_SMTP_FROM", tree, key + "from", source))
        .timeoutSeconds((int) longAt(null, tree, key + "timeout_seconds", source))
        .dashboardUrl(textAt(null, tree, key + "dashboard_url", source))
        .build();
  }

  private static boolean booleanAt(ObjectNode tree, String dottedKey, String source) {
    JsonNode node = nodeAt(tree, dottedKey, source);
    if (!node.isBoolean()) {
      throw new ConfigException(
          dottedKey + " must be true or false, was '" + node.asText() + "' (from " + source + ")");
    }
    return node.booleanValue();
  }

  private MonitorSettings monitoring(ObjectNode tree, String source) {
    return MonitorSettings.builder()
        .thresholds(
            new HealthThresholds(
                doubleAt(tree, "monitoring.health.warning", source),
                doubleAt(tree, "monitoring.health.critical", source)))
        .windowRuns((int) longAt(null, tree, "monitoring.window_runs", source))
        .minRuns((int) longAt(null, tree, "monitoring.min_runs", source))
        .repeatedFailures((int) longAt(null, tree, "monitoring.repeated_failures", source))
        .anomalyMinSamples((int) longAt(null, tree, "monitoring.anomaly.min_samples", source))
        .anomalyThreshold(doubleAt(tree, "monitoring.anomaly.threshold", source))
        .anomalySustainedRuns((int) longAt(null, tree, "monitoring.anomaly.sustained_runs", source))
        .anomalyExtremeThreshold(doubleAt(tree, "monitoring.anomaly.extreme_threshold", source))
        .failureRateWindowRuns(
            (int) longAt(null, tree, "monitoring.failure_rate.window_runs", source))
        .failureRateMinRuns((int) longAt(null, tree, "monitoring.failure_rate.min_runs", source))
        .failureRateMargin(doubleAt(tree, "monitoring.failure_rate.margin", source))
        .build();
  }

  private static double doubleAt(ObjectNode tree, String dottedKey, String source) {
    JsonNode node = nodeAt(tree, dottedKey, source);
    if (!node.isNumber()) {
      throw new ConfigException(
          dottedKey + " must be a number, was '" + node.asText() + "' (from " + source + ")");
    }
    return node.doubleValue();
  }

  private String textAt(String envName, ObjectNode tree, String dottedKey, String source) {
    String fromEnv = envName == null ? null : environment.get(envName);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    JsonNode node = nodeAt(tree, dottedKey, source);
    if (!node.isValueNode()) {
      throw new ConfigException(dottedKey + " must be a plain value (from " + source + ")");
    }
    return node.asText();
  }

  private long longAt(String envName, ObjectNode tree, String dottedKey, String source) {
    String fromEnv = envName == null ? null : environment.get(envName);
    if (fromEnv != null && !fromEnv.isBlank()) {
      try {
        return Long.parseLong(fromEnv.trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(
            "environment variable "
                + envName
                + " ("
                + dottedKey
                + ") must be an integer, was '"
                + fromEnv
                + "'",
            e);
      }
    }
    JsonNode node = nodeAt(tree, dottedKey, source);
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new ConfigException(
          dottedKey + " must be an integer, was '" + node.asText() + "' (from " + source + ")");
    }
    return node.longValue();
  }

  private static JsonNode nodeAt(ObjectNode tree, String dottedKey, String source) {
    JsonNode node = tree;
    for (String part : dottedKey.split("\\.")) {
      node = node.path(part);
    }
    if (node.isMissingNode() || node.isNull()) {
      throw new ConfigException(dottedKey + " must be set (from " + source + ")");
    }
    return node;
  }

  private String env(String name, String fallback) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private int integer(String envName, ObjectNode tree, String section, String key, String source) {
    String fromEnv = environment.get(envName);
    if (fromEnv != null && !fromEnv.isBlank()) {
      try {
        return Integer.parseInt(fromEnv.trim());
      } catch (NumberFormatException e) {
        throw new ConfigException(
            "environment variable "
                + envName
                + " ("
                + section
                + "."
                + key
                + ") must be an integer, was '"
                + fromEnv
                + "'",
            e);
      }
    }
    long value = longValue(tree, section, key, source);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new ConfigException(
          section + "." + key + " must be an integer, was '" + value + "' (from " + source + ")");
    }
    return (int) value;
  }

  private static long longValue(ObjectNode tree, String section, String key, String source) {
    JsonNode node = value(tree, section, key, source);
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new ConfigException(
          section
              + "."
              + key
              + " must be an integer, was '"
              + node.asText()
              + "' (from "
              + source
              + ")");
    }
    return node.longValue();
  }

  private static String text(ObjectNode tree, String section, String key, String source) {
    JsonNode node = value(tree, section, key, source);
    if (!node.isValueNode() || node.isNull()) {
      throw new ConfigException(
          section + "." + key + " must be a plain value (from " + source + ")");
    }
    return node.asText();
  }

  private static JsonNode value(ObjectNode tree, String section, String key, String source) {
    JsonNode node = tree.path(section).path(key);
    if (node.isMissingNode() || node.isNull()) {
      throw new ConfigException(section + "." + key + " must be set (from " + source + ")");
    }
    return node;
  }
}
