package io.pipelineguard.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code notifications.email} section as {@link ConfigLoader} reads and checks it. */
class EmailConfigTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("config.yaml"), yaml);
  }

  private static String enabled(String extra) {
    return "notifications:\n  email:\n    enabled: true\n" + extra;
  }

  @Test
  void defaultsAreDisabledWithTheDocumentedValues() {
    EmailConfig email = new ConfigLoader(Map.of()).load(null).email();

    assertThat(email.enabled()).isFalse();
    assertThat(email.smtpHost()).isEmpty();
    assertThat(email.smtpPort()).isEqualTo(587);
    assertThat(email.starttls()).isTrue();
    assertThat(email.username()).isEmpty();
    assertThat(email.password().isSet()).isFalse();
    assertThat(email.from()).isEmpty();
    assertThat(email.timeoutSeconds()).isEqualTo(10);
    assertThat(email.dashboardUrl()).isEmpty();
  }

  @Test
  void aFileEnablesItAndTheEnvironmentSuppliesThePassword() throws IOException {
    Path file =
        write(
            enabled(
                "    smtp_host: smtp.example.com\n    smtp_port: 2525\n    starttls: false\n"
                    + "    username: guard\n    from: \"Pipeline Guard <guard@example.com>\"\n"
                    + "    timeout_seconds: 3\n"
                    + "    dashboard_url: https://guard.example.com/dashboard/\n"));

    BridgeConfig config =
        new ConfigLoader(Map.of("PIPELINE_GUARD_SMTP_PASSWORD", "s3cr3t-pass")).load(file);
    EmailConfig email = config.email();

    assertThat(email.enabled()).isTrue();
    assertThat(email.smtpHost()).isEqualTo("smtp.example.com");
    assertThat(email.smtpPort()).isEqualTo(2525);
    assertThat(email.starttls()).isFalse();
    assertThat(email.username()).isEqualTo("guard");
    assertThat(email.password().reveal()).isEqualTo("s3cr3t-pass");
    assertThat(email.from()).isEqualTo("Pipeline Guard <guard@example.com>");
    assertThat(email.timeoutSeconds()).isEqualTo(3);
    assertThat(email.dashboardUrl()).isEqualTo("https://guard.example.com/dashboard/");
    assertThat(config.toString()).doesNotContain("s3cr3t-pass").contains("password=****");
  }

  @Test
  void enabledWithoutAHostFailsNamingTheKey() throws IOException {
    Path file = write(enabled("    from: guard@example.com\n"));

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("notifications.email.smtp_host must be set")
        .hasMessageContaining("notifications.email.enabled is true");
  }

  @Test
  void enabledWithoutOrWithABadSenderFailsNamingTheKey() throws IOException {
    Path missing = write(enabled("    smtp_host: smtp.example.com\n"));
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("notifications.email.from must be set");

    Path bad = write(enabled("    smtp_host: smtp.example.com\n    from: \"not an address\"\n"));
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("notifications.email.from is not a valid e-mail address");
  }

  @Test
  void valuesOutOfRangeOrOfTheWrongTypeFailNamingTheKey() throws IOException {
    Path port = write("notifications:\n  email:\n    smtp_port: 0\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(port))
        .hasMessageContaining("notifications.email.smtp_port must be between 1 and 65535");

    Path timeout = write("notifications:\n  email:\n    timeout_seconds: 301\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(timeout))
        .hasMessageContaining("notifications.email.timeout_seconds must be between 1 and 300");

    Path flag = write("notifications:\n  email:\n    starttls: sometimes\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(flag))
        .hasMessageContaining("notifications.email.starttls must be true or false");

    Path url = write("notifications:\n  email:\n    dashboard_url: ftp://guard.example.com/\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(url))
        .hasMessageContaining("notifications.email.dashboard_url must be an absolute http(s) URL");

    Path typo = write("notifications:\n  email:\n    smtp_hots: smtp.example.com\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(typo))
        .hasMessageContaining("unknown configuration key 'notifications.email.smtp_hots'");
  }

  @Test
  void aHostWithALineBreakIsRefused() {
    assertThatThrownBy(() -> EmailConfig.builder().smtpHost("smtp.example.com\r\nRCPT TO:<x>"))
        .hasMessageContaining("notifications.email.smtp_host must not contain spaces");
    assertThatThrownBy(() -> EmailConfig.builder().from("a@example.com\r\nBcc: x@example.com"))
        .hasMessageContaining("notifications.email.from must not contain control characters");
  }

  @Test
  void theEnvironmentOverridesHostPortAndSender() throws IOException {
    Path file = write(enabled(""));

    EmailConfig email =
        new ConfigLoader(
                Map.of(
                    "PIPELINE_GUARD_SMTP_HOST", "mail.internal",
                    "PIPELINE_GUARD_SMTP_PORT", "25",
                    "PIPELINE_GUARD_SMTP_USERNAME", "bot",
                    "PIPELINE_GUARD_SMTP_FROM", "bot@example.com"))
            .load(file)
            .email();

    assertThat(email.smtpHost()).isEqualTo("mail.internal");
    assertThat(email.smtpPort()).isEqualTo(25);
    assertThat(email.username()).isEqualTo("bot");
    assertThat(email.from()).isEqualTo("bot@example.com");
  }
}
