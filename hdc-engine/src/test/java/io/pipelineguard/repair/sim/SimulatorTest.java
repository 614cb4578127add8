package io.pipelineguard.repair.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.internal.json.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {
  private static final Path VELOREN = Path.of("../../shared/data/veloren-dev");

  private static SimulatedFailure failure(
      int i, String job, String category, boolean transientLabel) {
    return new SimulatedFailure(
        "r" + i,
        "demo",
        job,
        "c" + i,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i),
        Path.of("none.log"),
        false,
        transientLabel,
        category,
        "high");
  }

  private static List<SimulatedFailure> synthetic() {
    List<SimulatedFailure> list = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      list.add(failure(i, "build", i % 2 == 0 ? "network" : "compilation", i % 2 == 0));
    }
    return list;
  }

  @Test
  void observerSeesEveryGuardPlanAndEveryRerunOutcome() {
    int[] reruns = new int[1];
    int[] passed = new int[1];
    java.util.Set<String> seen = new java.util.HashSet<>();
    SimulationReport report =
        Simulator.builder()
            .seed(3)
            .observer(
                (f, plan, ok) -> {
                  seen.add(f.id());
                  if (ok != null) {
                    reruns[0]++;
                    passed[0] += ok ? 1 : 0;
                  }
                })
            .build()
            .run(synthetic(), new LabelledCategoryStandInDiagnoser());

    PolicyResult guard = report.policy("guard");
    assertThat(seen).hasSize(synthetic().size());
    assertThat(reruns[0]).isEqualTo(guard.retries());
    assertThat(passed[0]).isEqualTo(guard.transientRecovered());
  }

  @Test
  void guardRecoversTransientAndWastesNothingOnPlainDeterministic() {
    SimulationReport report =
        Simulator.builder()
            .seed(7)
            .build()
            .run(synthetic(), new LabelledCategoryStandInDiagnoser());

    PolicyResult guard = report.policy("guard");
    assertThat(guard.transientFailures()).isEqualTo(20);
    assertThat(guard.transientRecoveredPct()).isGreaterThanOrEqualTo(95.0);
    assertThat(guard.wastedRetries()).isZero();
    assertThat(guard.maxAttemptsPerJob()).isLessThanOrEqualTo(3);
    assertThat(report.policy("always_retry_2").wastedRetryPct()).isEqualTo(200.0);
    assertThat(report.policy("never").retries()).isZero();
    assertThat(report.policy("oracle").wastedRetries()).isZero();
  }

  @Test
  void sameSeedSameReport() {
    Simulator sim = Simulator.builder().seed(42).build();

    String a = sim.run(synthetic(), new LabelledCategoryStandInDiagnoser()).toJson();
    String b = sim.run(synthetic(), new LabelledCategoryStandInDiagnoser()).toJson();

    assertThat(a).isEqualTo(b);
  }

  @Test
  @SuppressWarnings("unchecked")
  void jsonHasExactlyTheDocumentedKeys() {
    String json =
        Simulator.builder()
            .build()
            .run(synthetic(), new LabelledCategoryStandInDiagnoser())
            .toJson();

    Map<String, Object> root = JsonReader.withDefaults().parseObject(json);
    Map<String, Object> policies = (Map<String, Object>) root.get("policies");
    assertThat(policies.keySet())
        .containsExactly("guard", "always_retry_2", "never", "platform_reasons", "oracle");
    assertThat(((Map<String, Object>) policies.get("guard")).keySet())
        .containsExactly(
            "transient_recovered_pct",
            "wasted_retry_pct",
            "retries",
            "rollbacks",
            "escalations",
            "max_attempts_per_job");
  }

  @Test
  void corpusReaderOrdersByTimeAndSkipsUnlabelled(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("records.jsonl"),
        "{\"id\": \"b\", \"log_file\": \"logs/b.log.gz\", \"transient\": true,"
            + " \"created_at\": \"2022-07-05 17:26:40.924000+00:00\", \"job_name\": \"deploy\"}\n"
            + "{\"id\": \"x\", \"log_file\": \"logs/x.log.gz\", \"transient\": null}\n"
            + "{\"id\": \"a\", \"log_file\": \"logs/a.log.gz\", \"transient\": false,"
            + " \"created_at\": \"2022-07-04T08:13:19Z\", \"job_name\": \"unit\"}\n");

    List<SimulatedFailure> failures = CorpusReader.read(dir);

    assertThat(failures).extracting(SimulatedFailure::id).containsExactly("a", "b");
    assertThat(failures.get(1).deploys()).isTrue();
    assertThat(failures.get(0).pipeline()).isEqualTo(dir.getFileName().toString());
  }

  @Test
  void recordsWithoutJobOrCommitAreSeparateChainsInTheirRepository(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("records.jsonl"),
        "{\"id\": \"r1\", \"log_file\": \"logs/1.log.gz\", \"transient\": true,"
            + " \"repository\": \"git/git\"}\n"
            + "{\"id\": \"r2\", \"log_file\": \"logs/2.log.gz\", \"transient\": true}\n");

    List<SimulatedFailure> failures = CorpusReader.read(dir);

    assertThat(failures.get(0).pipeline()).isEqualTo("git/git");
    assertThat(failures.get(1).pipeline()).isEqualTo(dir.getFileName().toString());
    assertThat(failures.get(0).job()).isNotEqualTo(failures.get(1).job());
    assertThat(failures.get(0).commit()).isNotEqualTo(failures.get(1).commit());
  }

  @Test
  void velorenGuardStaysWithinTheRails() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(VELOREN.resolve("records.jsonl")));
    List<SimulatedFailure> failures = CorpusReader.read(VELOREN);

    SimulationReport report =
        Simulator.builder().seed(1).build().run(failures, new LabelledCategoryStandInDiagnoser());

    PolicyResult guard = report.policy("guard");
    assertThat(guard.maxAttemptsPerJob()).isLessThanOrEqualTo(3);
    assertThat(guard.wastedRetryPct())
        .isLessThan(report.policy("always_retry_2").wastedRetryPct() / 10);
    assertThat(guard.transientRecoveredPct())
        .isGreaterThan(report.policy("platform_reasons").transientRecoveredPct());
  }
}
