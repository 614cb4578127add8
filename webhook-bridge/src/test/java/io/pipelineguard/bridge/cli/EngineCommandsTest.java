package io.pipelineguard.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The engine's commands (diagnose, eval, simulate) as the runnable jar exposes them. */
class EngineCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void diagnosePrintsCategoryRetryWorthinessAndEvidence() throws Exception {
    int code = run("diagnose", corpus().resolve("logs/oom.log").toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("resource").contains("transient").contains("signature");
  }

  @Test
  void diagnoseJsonReadsGzipAndIsOneObject() throws Exception {
    int code = run("diagnose", corpus().resolve("logs/compile.log.gz").toString(), "--json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode diagnosis = JSON.readTree(out.toString());
    assertThat(diagnosis.path("category").asText()).isEqualTo("compilation");
    assertThat(diagnosis.path("transient").asBoolean(true)).isFalse();
    assertThat(diagnosis.path("confidence").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void diagnoseOfAMissingFileIsAPlainError() {
    int code = run("diagnose", dir.resolve("absent.log").toString());

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("absent.log").doesNotContain("\tat ");
  }

  @Test
  void evalWritesOnePredictionPerRecord() throws Exception {
    Path predictions = dir.resolve("predictions.jsonl");

    int code = run("eval", corpus().toString(), "--predictions", predictions.toString());

    assertThat(code).as(err.toString()).isZero();
    List<String> lines = Files.readAllLines(predictions);
    assertThat(lines).hasSize(3);
    for (String line : lines) {
      JsonNode prediction = JSON.readTree(line);
      assertThat(prediction.fieldNames())
          .toIterable()
          .contains("id", "category", "transient", "confidence", "evidence");
    }
    assertThat(out.toString()).containsIgnoringCase("accuracy");
  }

  @Test
  void evalRefusesToLearnFromTheEvaluatedCorpus() throws Exception {
    int code =
        run(
            "eval",
            corpus().toString(),
            "--predictions",
            dir.resolve("p.jsonl").toString(),
            "--learn-from",
            corpus().toString());

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--learn-from");
  }

  @Test
  void simulateJsonHasEveryPolicyWithEveryFigure() throws Exception {
    int code = run("simulate", corpus().toString(), "--seed", "7", "--json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode policies = JSON.readTree(out.toString()).path("policies");
    assertThat(policies.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "guard", "always_retry_2", "never", "platform_reasons", "oracle");
    for (JsonNode policy : policies) {
      assertThat(policy.fieldNames())
          .toIterable()
          .contains(
              "transient_recovered_pct",
              "wasted_retry_pct",
              "retries",
              "rollbacks",
              "escalations",
              "max_attempts_per_job");
    }
    assertThat(policies.path("never").path("retries").asInt()).isZero();
  }

  @Test
  void simulateOfAFolderWithoutRecordsIsAUsageError() {
    int code = run("simulate", dir.toString());

    assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("records.jsonl");
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(EngineCommandsTest.class.getResource("/corpus/records.jsonl").toURI())
        .getParent();
  }

  private int run(String... args) {
    CommandLine commandLine = PipelineGuardCommand.newCommandLine(Map.of());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
