package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.ADMIN_KEY;
import static io.pipelineguard.bridge.server.WebhookClient.await;
import static io.pipelineguard.bridge.server.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.pipelineguard.bridge.config.EmailConfig;
import io.pipelineguard.bridge.monitor.PipelineUpdate;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert e-mails through the started server: a registered pipeline with an {@code alert_email},
 * failing runs fed by signed GitHub webhooks, and a real SMTP server (GreenMail) receiving.
 */
class AlertMailEndToEndTest {
  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ID = "github:octo-org/octo-repo / CI";

  @TempDir Path dataDir;
  private final List<PipelineUpdate> updates = new CopyOnWriteArrayList<>();
  private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(36_000);

  private byte[] failedRun(long id) throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(fixture("github-workflow_run-completed.json"));
    ObjectNode run = (ObjectNode) body.get("workflow_run");
    Instant start = base.plusSeconds(id * 1800);
    run.put("id", id);
    run.put("name", "CI");
    run.put("conclusion", "failure");
    run.put("run_started_at", start.toString());
    run.put("updated_at", start.plusSeconds(300).toString());
    return JSON.writeValueAsBytes(body);
  }

  @Test
  void threeFailedRunsOfARegisteredPipelineSendOneMail() throws Exception {
    EmailConfig email =
        EmailConfig.builder()
            .enabled(true)
            .smtpHost("127.0.0.1")
            .smtpPort(SMTP.getSmtp().getPort())
            .starttls(false)
            .from("guard@example.com")
            .build();
    BridgeServer server =
        new BridgeServer(WebhookClient.config(dataDir).email(email).build()).start();
    try {
      server.monitor().addListener(updates::add);
      WebhookClient client = new WebhookClient(server.port());
      String registration =
          "{\"id\":\"" + ID + "\",\"name\":\"payments-api\",\"alert_email\":\"team@example.com\"}";
      HttpResponse<String> created =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + server.port() + "/api/pipelines"))
                  .header("X-API-Key", ADMIN_KEY)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(registration)));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

      for (int i = 1; i <= 3; i++) {
        int before = updates.size();
        assertThat(client.github("workflow_run", "d-" + i, failedRun(i)).statusCode())
            .isEqualTo(202);
        await("metric point " + i, () -> updates.size() > before);
      }
      assertThat(updates.get(2).raised())
          .extracting(a -> a.alert().kind().wireName())
          .contains("repeated_failure");
      assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
    } finally {
      server.stop();
    }

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getRecipients(Message.RecipientType.TO))
        .containsExactly(new InternetAddress("team@example.com"));
    assertThat(received[0].getSubject())
        .isEqualTo(
            "[Pipeline Guard] critical: payments-api — health score 0.25 is below the critical"
                + " threshold 0.50 (+1 more)");
    assertThat(GreenMailUtil.getBody(received[0]))
        .contains("Pipeline: payments-api (" + ID + ")")
        .contains("- health_critical (critical): health score 0.25")
        .contains("- repeated_failure (warning): the last 3 runs failed")
        .contains("value 3, threshold 3, raised at ");
    assertThat(server.alertMailer())
        .hasValueSatisfying(m -> assertThat(m.sentCount()).isEqualTo(1));
  }
}
