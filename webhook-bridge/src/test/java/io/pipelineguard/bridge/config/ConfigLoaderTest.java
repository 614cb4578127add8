package io.pipelineguard.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void embeddedDefaultsLoadWithoutAFile() {
    BridgeConfig config = new ConfigLoader(Map.of()).load(null);

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.hdcDimensionBits()).isEqualTo(10_240);
  }

  @Test
  void securitySectionHasDefaultsAndIsValidated() throws IOException {
    SecurityConfig defaults = new ConfigLoader(Map.of()).load(null).security();
    Path file =
        write(
            "security:\n  allow_query_api_key: true\n  cookie_secure: true\n"
                + "  rate_limit:\n    requests_per_minute: 7\n");
    SecurityConfig changed = new ConfigLoader(Map.of()).load(file).security();

    assertThat(defaults.allowQueryApiKey()).isFalse();
    assertThat(defaults.requestsPerMinute()).isEqualTo(120);
    assertThat(defaults.requestsPerHour()).isEqualTo(3000);
    assertThat(defaults.autoBlockThreshold()).isEqualTo(5);
    assertThat(defaults.blockDurationMinutes()).isEqualTo(15);
    assertThat(defaults.sessionTimeoutMinutes()).isEqualTo(480);
    assertThat(defaults.cookieSecure()).isFalse();
    assertThat(changed.allowQueryApiKey()).isTrue();
    assertThat(changed.cookieSecure()).isTrue();
    assertThat(changed.requestsPerMinute()).isEqualTo(7);
    assertThat(changed.requestsPerHour()).isEqualTo(3000);
    Path bad = write("security:\n  rate_limit:\n    auto_block_threshold: 0\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(bad))
        .hasMessageContaining("security.rate_limit.auto_block_threshold must be between 1");
    Path notBoolean = write("security:\n  cookie_secure: maybe\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(notBoolean))
        .hasMessageContaining("security.cookie_secure must be true or false");
  }

  @Test
  void complianceSectionSetsTheAuditRetention() throws IOException {
    ConfigLoader loader = new ConfigLoader(Map.of());
    int byDefault = loader.load(null).security().auditRetentionDays();
    int month =
        loader
            .load(write("compliance:\n  audit_retention_days: 30\n"))
            .security()
            .auditRetentionDays();
    int forever =
        loader
            .load(write("compliance:\n  audit_retention_days: 0\n"))
            .security()
            .auditRetentionDays();
    Path negative = write("compliance:\n  audit_retention_days: -1\n");
    assertThatThrownBy(() -> loader.load(negative))
        .hasMessageContaining("compliance.audit_retention_days must be between 0 and 36500");
    Path unknown = write("compliance:\n  retain_everything: true\n");
    assertThatThrownBy(() -> loader.load(unknown))
        .hasMessageContaining("unknown configuration key 'compliance.retain_everything'");

    assertThat(byDefault).isEqualTo(365);
    assertThat(month).isEqualTo(30);
    assertThat(forever).isZero();
  }

  @Test
  void monitoringSectionIsReadWithItsDefaults() throws IOException {
    Path file = write("monitoring:\n  health:\n    warning: 0.8\n  anomaly:\n    threshold: 4\n");

    BridgeConfig config = new ConfigLoader(Map.of()).load(file);

    assertThat(config.monitoring().thresholds().warning()).isEqualTo(0.8);
    assertThat(config.monitoring().thresholds().critical()).isEqualTo(0.5);
    assertThat(config.monitoring().anomalyThreshold()).isEqualTo(4.0);
    assertThat(config.monitoring().windowRuns()).isEqualTo(20);
    assertThat(new ConfigLoader(Map.of()).load(null).monitoring().failureRateMargin())
        .isEqualTo(0.1);
  }

  @Test
  void badMonitoringValuesNameTheirKey() throws IOException {
    Path rate = write("monitoring:\n  failure_rate:\n    margin: 2\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(rate))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("monitoring.failure_rate.margin");

    Path text = write("monitoring:\n  anomaly:\n    threshold: high\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("monitoring.anomaly.threshold must be a number");
  }

  @Test
  void fileOverridesOnlyTheKeysItNames() throws IOException {
    Path file = write("server:\n  port: 9191\n");

    BridgeConfig config = new ConfigLoader(Map.of()).load(file);

    assertThat(config.port()).isEqualTo(9191);
    assertThat(config.host()).isEqualTo("0.0.0.0");
  }

  @Test
  void environmentOverridesTheFile() throws IOException {
    Path file = write("server:\n  port: 9191\nhdc:\n  dimension: 2048\n");

    BridgeConfig config =
        new ConfigLoader(Map.of("PIPELINE_GUARD_PORT", "7070", "HDC_DIMENSION", "10000"))
            .load(file);

    assertThat(config.port()).isEqualTo(7070);
    assertThat(config.hdcDimensionBits()).isEqualTo(10_000);
  }

  @Test
  void approvalRuleIsReadAndABadOneNamesTheValues() throws IOException {
    BridgeConfig config =
        new ConfigLoader(Map.of()).load(write("auto_repair:\n  require_approval: all\n"));
    Path bad = write("auto_repair:\n  require_approval: sometimes\n");

    assertThat(config.requireApproval()).isEqualTo(io.pipelineguard.repair.ApprovalRule.ALL);
    assertThat(new ConfigLoader(Map.of()).load(null).requireApproval())
        .isEqualTo(io.pipelineguard.repair.ApprovalRule.NONE);
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("none, critical or all");
  }

  @Test
  void misspeltKeyIsRejectedByName() throws IOException {
    Path file = write("server:\n  prot: 9191\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown configuration key 'server.prot'");
  }

  @Test
  void outOfRangePortNamesKeyAndSource() throws IOException {
    Path file = write("server:\n  port: 70000\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.port must be between 0 and 65535, was 70000")
        .hasMessageContaining(file.toString());
  }

  @Test
  void nonNumericPortIsRejected() throws IOException {
    Path file = write("server:\n  port: eighty\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.port must be an integer, was 'eighty'");
  }

  @Test
  void nonNumericEnvironmentValueNamesTheVariable() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of("PIPELINE_GUARD_PORT", "x")).load(null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PIPELINE_GUARD_PORT");
  }

  @Test
  void malformedYamlReportsTheLine() throws IOException {
    Path file = write("server:\n  port: [1, 2\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not valid YAML at line");
  }

  @Test
  void missingFileIsReportedPlainly() {
    Path missing = dir.resolve("absent.yaml");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void scalarWhereAMappingBelongsIsRejected() throws IOException {
    Path file = write("server: 8080\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'server' must be a mapping");
  }

  @Test
  void emptyFileMeansDefaults() throws IOException {
    Path file = write("");

    assertThat(new ConfigLoader(Map.of()).load(file).port()).isEqualTo(8080);
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("pipeline_guard.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
