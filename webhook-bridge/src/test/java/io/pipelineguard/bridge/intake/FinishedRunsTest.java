package io.pipelineguard.bridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.FinishedRun;
import io.pipelineguard.bridge.store.RunRecord;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Durations and results read from the real sample payloads of each platform. */
class FinishedRunsTest {
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private final PayloadParser parser = new PayloadParser();

  private JsonNode fixture(String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/webhooks/" + name)) {
      return parser.parse(in.readAllBytes());
    }
  }

  private static FinishedRun finished(WebhookSource source, String event, JsonNode body) {
    RunRecord run = source.interpret(1, event, body, NOW).run();
    return FinishedRuns.of(run, event, body, NOW);
  }

  @Test
  void gitlabPipelineUsesItsDurationField() throws IOException {
    FinishedRun run =
        finished(new GitLabWebhooks(Secret.of("t")), "pipeline", fixture("gitlab-pipeline.json"));

    assertThat(run.pipelineId()).isEqualTo("gitlab:gitlab-org/gitlab-test");
    assertThat(run.durationSeconds()).isEqualTo(63.0);
    assertThat(run.success()).isTrue();
    assertThat(run.finishedAt()).isEqualTo(Instant.parse("2016-08-12T15:26:29Z"));
  }

  @Test
  void gitlabPipelineWithoutDurationUsesItsTimesInGitLabsFormat() throws IOException {
    ObjectNode body = (ObjectNode) fixture("gitlab-pipeline.json");
    ObjectNode attributes = (ObjectNode) body.get("object_attributes");
    attributes.putNull("duration");
    attributes.put("status", "failed");
    attributes.put("created_at", "2016-08-12 15:23:28 UTC");
    attributes.put("finished_at", "2016-08-12 15:26:29 UTC");

    FinishedRun run = finished(new GitLabWebhooks(Secret.of("t")), "pipeline", body);

    assertThat(run.durationSeconds()).isEqualTo(181.0);
    assertThat(run.success()).isFalse();
  }

  @Test
  void runningOrCancelledPipelinesAreNoPoints() throws IOException {
    ObjectNode body = (ObjectNode) fixture("gitlab-pipeline.json");
    ((ObjectNode) body.get("object_attributes")).put("status", "running");
    assertThat(finished(new GitLabWebhooks(Secret.of("t")), "pipeline", body)).isNull();
    ((ObjectNode) body.get("object_attributes")).put("status", "canceled");
    assertThat(finished(new GitLabWebhooks(Secret.of("t")), "pipeline", body)).isNull();
  }

  @Test
  void azureBuildUsesStartAndFinishTime() throws IOException {
    FinishedRun run =
        finished(
            new AzureDevOpsWebhooks("u", Secret.of("p")),
            "build.complete",
            fixture("azure-build.complete.json"));

    assertThat(run.durationSeconds()).isEqualTo(123.86);
    assertThat(run.success()).isTrue();
    assertThat(run.pipelineId()).startsWith("azure:");
  }

  @Test
  void githubWorkflowRunUsesRunStartedAtAndCountsEachAttempt() throws IOException {
    ObjectNode body = (ObjectNode) fixture("github-workflow_run-completed.json");
    ObjectNode workflowRun = (ObjectNode) body.get("workflow_run");
    workflowRun.put("run_started_at", "2020-10-05T16:33:49Z");
    workflowRun.put("updated_at", "2020-10-05T16:38:49Z");
    workflowRun.put("run_attempt", 2);

    FinishedRun run = finished(new GitHubWebhooks(Secret.of("s")), "workflow_run", body);

    assertThat(run.durationSeconds()).isEqualTo(300.0);
    assertThat(run.attempt()).isEqualTo(2);
    assertThat(run.pipelineId()).isEqualTo("github:octo-org/octo-repo / workflow");
  }

  @Test
  void jenkinsNeedsADuration() throws IOException {
    JenkinsWebhooks jenkins = new JenkinsWebhooks(Secret.of("t"));
    ObjectNode body = (ObjectNode) fixture("jenkins-failure.json");
    assertThat(finished(jenkins, "build.completed", body)).isNull();

    ObjectNode build = (ObjectNode) body.get("build");
    build.put("duration", 95_500);
    build.put("timestamp", 1_700_000_000_000L);
    FinishedRun run = finished(jenkins, "build.completed", body);

    assertThat(run.durationSeconds()).isEqualTo(95.5);
    assertThat(run.success()).isFalse();
    assertThat(run.finishedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_095_500L));
  }
}
