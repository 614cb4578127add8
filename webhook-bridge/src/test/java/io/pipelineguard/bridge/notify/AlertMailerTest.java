package io.pipelineguard.bridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pipelineguard.bridge.config.EmailConfig;
import io.pipelineguard.bridge.monitor.PipelineUpdate;
import io.pipelineguard.bridge.store.RegisteredPipeline;
import io.pipelineguard.bridge.store.StoredAlert;
import io.pipelineguard.monitor.Alert;
import io.pipelineguard.monitor.AlertKind;
import io.pipelineguard.monitor.AlertSeverity;
import io.pipelineguard.monitor.DurationTrend;
import io.pipelineguard.monitor.HealthStatus;
import io.pipelineguard.monitor.PipelineHealth;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AlertMailer} sending to a real SMTP server (GreenMail, plain SMTP on a free port). */
class AlertMailerTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String ID = "github:acme/payments / CI";
  private static final Instant RAISED = Instant.parse("2026-11-28T10:15:30Z");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T10:16:00Z"), ZoneOffset.UTC);

  private static EmailConfig config(int port) {
    return EmailConfig.builder()
        .enabled(true)
        .smtpHost("127.0.0.1")
        .smtpPort(port)
        .starttls(false)
        .from("Pipeline Guard <guard@example.com>")
        .timeoutSeconds(5)
        .dashboardUrl("https://guard.example.com/dashboard/")
        .build();
  }

  private static RegisteredPipeline pipeline(String name, String email) {
    return new RegisteredPipeline(ID, name, null, 0.95, email, true, null, false, null, null);
  }

  private static StoredAlert alert(AlertKind kind, AlertSeverity severity, String message) {
    return new StoredAlert(
        1, new Alert(ID, kind, severity, ID + ": " + message, 3, 3), RAISED, true, null);
  }

  private static PipelineUpdate raised(StoredAlert... alerts) {
    PipelineHealth health =
        new PipelineHealth(
            HealthStatus.CRITICAL, 0.42, 14, 10 / 14.0, 300.0, DurationTrend.FLAT, 3);
    return new PipelineUpdate(ID, health, List.of(alerts), List.of());
  }

  private static AlertMailer mailer(RegisteredPipeline pipeline) {
    return new AlertMailer(
        config(SMTP.getSmtp().getPort()),
        id -> Optional.ofNullable(Map.of(ID, pipeline).get(id)),
        CLOCK);
  }

  @Test
  void oneUpdateWithRaisedAlertsSendsOneMailWithEveryAlert() throws Exception {
    try (AlertMailer mailer = mailer(pipeline("payments-api", "team@example.com"))) {
      mailer.pipelineUpdated(
          raised(
              alert(AlertKind.FAILURE_RATE, AlertSeverity.WARNING, "failure rate 0.40 above 0.15"),
              alert(AlertKind.REPEATED_FAILURE, AlertSeverity.CRITICAL, "3 failed runs in a row")));

      assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
    }
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject())
        .isEqualTo("[Pipeline Guard] critical: payments-api — 3 failed runs in a row (+1 more)");
    assertThat(mail.getRecipients(Message.RecipientType.TO))
        .containsExactly(new InternetAddress("team@example.com"));
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("guard@example.com");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body)
        .contains("Pipeline: payments-api (" + ID + ")")
        .contains("Health: critical, score 0.42 (14 runs, 3 failed in a row)")
        .contains("- repeated_failure (critical): 3 failed runs in a row")
        .contains("- failure_rate (warning): failure rate 0.40 above 0.15")
        .contains("value 3, threshold 3, raised at 2026-11-28 10:15:30 UTC")
        .contains(
            "Dashboard: https://guard.example.com/dashboard/#/pipelines/"
                + "github%3Aacme%2Fpayments%20%2F%20CI");
  }

  @Test
  void resolvedAlertsGoInASeparateMail() throws Exception {
    StoredAlert resolved =
        new StoredAlert(
            2,
            new Alert(ID, AlertKind.REPEATED_FAILURE, AlertSeverity.CRITICAL, "3 failed", 3, 3),
            RAISED,
            false,
            RAISED.plusSeconds(600));
    StoredAlert raised = alert(AlertKind.DURATION_ANOMALY, AlertSeverity.WARNING, "slow runs");
    PipelineUpdate update =
        new PipelineUpdate(ID, raised().health(), List.of(raised), List.of(resolved));

    try (AlertMailer mailer = mailer(pipeline("payments-api", "team@example.com"))) {
      mailer.pipelineUpdated(update);
      assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
    }

    assertThat(SMTP.getReceivedMessages())
        .extracting(MimeMessage::getSubject)
        .containsExactly(
            "[Pipeline Guard] warning: payments-api — slow runs",
            "[Pipeline Guard] resolved: payments-api — 3 failed");
    assertThat(GreenMailUtil.getBody(SMTP.getReceivedMessages()[1]))
        .contains("Alerts resolved:")
        .contains("resolved at 2026-11-28 10:25:30 UTC");
  }

  @Test
  void lineBreaksInAPipelineNameDoNotInjectHeaders() throws Exception {
    String name = "payments\r\nBcc: attacker@example.com\r\nX-Injected: yes";

    try (AlertMailer mailer = mailer(pipeline(name, "team@example.com"))) {
      mailer.pipelineUpdated(
          raised(alert(AlertKind.REPEATED_FAILURE, AlertSeverity.CRITICAL, "3 failed")));
      assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
    }

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients())
        .containsExactly(new InternetAddress("team@example.com"));
    assertThat(received[0].getHeader("Bcc")).isNull();
    assertThat(received[0].getHeader("X-Injected")).isNull();
    assertThat(received[0].getSubject())
        .isEqualTo(
            "[Pipeline Guard] critical: payments Bcc: attacker@example.com X-Injected: yes"
                + " — 3 failed");
  }

  @Test
  void pipelinesWithoutAnAddressAndUpdatesWithoutAlertChangesSendNothing() throws Exception {
    try (AlertMailer mailer = mailer(pipeline("payments-api", null))) {
      mailer.pipelineUpdated(
          raised(alert(AlertKind.REPEATED_FAILURE, AlertSeverity.CRITICAL, "3 failed")));
      mailer.pipelineUpdated(new PipelineUpdate(ID, raised().health(), List.of(), List.of()));
      await(() -> mailer.queued() == 0);
      mailer.close();
      assertThat(mailer.sentCount()).isZero();
      assertThat(mailer.failedCount()).isZero();
    }
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void aRefusedConnectionIsCountedAndRetriedOnce() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RegisteredPipeline pipeline = pipeline("payments-api", "team@example.com");
    try (AlertMailer mailer =
        new AlertMailer(
            config(closedPort).toBuilder()
                .username("bot")
                .password(io.pipelineguard.bridge.config.Secret.of("pw"))
                .build(),
            id -> Optional.of(pipeline),
            CLOCK,
            10,
            Duration.ZERO)) {
      mailer.pipelineUpdated(
          raised(alert(AlertKind.REPEATED_FAILURE, AlertSeverity.CRITICAL, "3 failed")));

      await(() -> mailer.failedCount() == 2);
      assertThat(mailer.sentCount()).isZero();
    }
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
    CountDownLatch inLookup = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RegisteredPipeline pipeline = pipeline("payments-api", "team@example.com");
    try (AlertMailer mailer =
        new AlertMailer(
            config(SMTP.getSmtp().getPort()),
            id -> {
              inLookup.countDown();
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Optional.of(pipeline);
            },
            CLOCK,
            1,
            Duration.ZERO)) {
      PipelineUpdate update =
          raised(alert(AlertKind.REPEATED_FAILURE, AlertSeverity.CRITICAL, "3 failed"));
      mailer.pipelineUpdated(update);
      assertThat(inLookup.await(5, TimeUnit.SECONDS)).isTrue();
      mailer.pipelineUpdated(update);
      mailer.pipelineUpdated(update);

      assertThat(mailer.droppedCount()).isEqualTo(1);
      release.countDown();
      assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
    }
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
