package io.pipelineguard.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.monitor.Alert;
import io.pipelineguard.monitor.AlertKind;
import io.pipelineguard.monitor.AlertSeverity;
import io.pipelineguard.monitor.MetricPoint;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The monitoring stores' contract on both stores: embedded H2 and a real PostgreSQL. */
class MonitoringStoreContractTest extends BothStores {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private static final String PIPELINE = "gitlab:grp/proj";

  private static FinishedRun run(String key, int minutes, double seconds, boolean success) {
    return new FinishedRun(
        Platform.GITLAB, "grp/proj", key, 1, T0.plusSeconds(60L * minutes), seconds, success);
  }

  private static RunRecord runRecord(String key, String conclusion, Instant at) {
    return new RunRecord(
        0,
        Platform.GITLAB,
        key,
        "grp/proj",
        "7",
        conclusion,
        conclusion,
        "http://x/" + key,
        "abc",
        "main",
        at,
        at);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void metricPointsAreUniquePerRunAttemptAndComeBackOldestFirst(String kind) {
    try (Database database = open(kind)) {
      MetricStore metrics = new MetricStore(database.dataSource());

      boolean first = metrics.record(run("1/pipelines/1", 0, 60, true));
      boolean again = metrics.record(run("1/pipelines/1", 0, 60, true));
      metrics.record(run("1/pipelines/2", 10, 70, false));
      metrics.record(run("1/pipelines/3", 20, 80, true));

      assertThat(first).isTrue();
      assertThat(again).isFalse();
      assertThat(metrics.latest(PIPELINE, 2))
          .extracting(MetricPoint::durationSeconds)
          .containsExactly(70.0, 80.0);
      assertThat(metrics.latest("gitlab:other", 5)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void measuredRunsCarryTheirRunRowAndDiagnosis(String kind) throws Exception {
    try (Database database = open(kind)) {
      MetricStore metrics = new MetricStore(database.dataSource());
      RunStore runs = new RunStore(database.dataSource());
      MonitoringQueries queries = new MonitoringQueries(database.dataSource());
      runs.upsertRun(runRecord("1/pipelines/2", "failed", T0.plusSeconds(600)));
      metrics.record(run("1/pipelines/1", 0, 60, true));
      metrics.record(run("1/pipelines/2", 10, 70, false));
      long diagnosisId = failedJobWithDiagnosis(database, runs, "1/pipelines/2");

      List<MeasuredRun> measured = metrics.runsSince(PIPELINE, T0.minusSeconds(1), 10);
      Instant later = T0.plusSeconds(60L * 5);

      assertThat(measured).hasSize(2);
      assertThat(measured.get(0).runId()).isNull();
      assertThat(measured.get(0).diagnosisId()).isNull();
      MeasuredRun failed = measured.get(1);
      assertThat(failed.runId()).isPositive();
      assertThat(failed.url()).isEqualTo("http://x/1/pipelines/2");
      assertThat(failed.diagnosisId()).isEqualTo(diagnosisId);
      assertThat(failed.category()).isEqualTo("network");
      assertThat(failed.transientFailure()).isTrue();
      assertThat(metrics.runsSince(PIPELINE, later, 10)).hasSize(1);
      assertThat(metrics.runsSince(PIPELINE, T0.minusSeconds(1), 1)).hasSize(1);

      LastFailure last = queries.lastFailure("gitlab", "grp/proj").orElseThrow();
      assertThat(last.job()).isEqualTo("test");
      assertThat(last.runId()).isEqualTo(failed.runId());
      assertThat(last.diagnosisId()).isEqualTo(diagnosisId);
      assertThat(last.confidence()).isEqualTo(0.91);
      assertThat(last.explanation()).startsWith("connection reset");
      assertThat(queries.lastRun("gitlab", "grp/proj").orElseThrow().status()).isEqualTo("failed");
      assertThat(queries.lastFailure("gitlab", "none")).isEmpty();
      assertThat(queries.diagnosesSince(T0.minusSeconds(1))).isEqualTo(1);
      assertThat(queries.diagnosesSince(T0.plusSeconds(1))).isZero();
      assertThat(queries.repairsByStateSince(T0.minusSeconds(1))).isEmpty();
      assertThat(queries.reachable(2)).isTrue();
    }
  }

  private static long failedJobWithDiagnosis(Database database, RunStore runs, String runKey)
      throws Exception {
    DeliveryStore deliveries = new DeliveryStore(database);
    long deliveryId =
        deliveries
            .insertAll(
                List.of(
                    new NewDelivery(
                        Platform.GITLAB,
                        "k-" + runKey,
                        "build",
                        T0,
                        "{}".getBytes(StandardCharsets.UTF_8))))
            .get(0)
            .id();
    runs.recordFailedJob(
        new FailedJob(
            deliveryId,
            Platform.GITLAB,
            "grp/proj",
            runKey,
            "1/jobs/3",
            "test",
            1,
            "script_failure",
            null,
            "abc",
            "main",
            T0),
        RunStore.PENDING_DIAGNOSIS,
        T0);
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO diagnoses (job_id, category, transient_failure, confidence,"
                    + " signature, novel, explanation, created_at)"
                    + " SELECT id, 'network', TRUE, 0.91, 'sig', FALSE, ?, ? FROM jobs")) {
      s.setString(1, "connection reset by peer\nsecond line");
      s.setObject(2, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
      s.executeUpdate();
    }
    try (Connection c = database.dataSource().getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT MAX(id) FROM diagnoses")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void pipelinesRegisterUpdateAndJoinTheKnownOnes(String kind) {
    try (Database database = open(kind)) {
      PipelineStore pipelines = new PipelineStore(database.dataSource());
      new MetricStore(database.dataSource()).record(run("1/pipelines/1", 0, 60, true));
      new RunStore(database.dataSource()).upsertRun(runRecord("9/pipelines/1", "success", T0));
      RegisteredPipeline shop =
          new RegisteredPipeline(
              "github:acme/shop / CI",
              "Shop",
              300.0,
              0.95,
              "a@b.io",
              true,
              null,
              false,
              null,
              null);

      boolean created = pipelines.register(shop, T0);
      boolean createdAgain =
          pipelines.register(
              new RegisteredPipeline(
                  shop.id(), "Shop 2", null, 0.8, null, false, "rollback.yml", true, null, null),
              T0.plusSeconds(5));

      assertThat(created).isTrue();
      assertThat(createdAgain).isFalse();
      RegisteredPipeline stored = pipelines.find(shop.id()).orElseThrow();
      assertThat(stored.name()).isEqualTo("Shop 2");
      assertThat(stored.expectedDurationSeconds()).isNull();
      assertThat(stored.expectedSuccessRate()).isEqualTo(0.8);
      assertThat(stored.rollbackTarget()).isEqualTo("rollback.yml");
      assertThat(stored.deploys()).isTrue();
      assertThat(stored.createdAt()).isEqualTo(T0);
      assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(5));
      assertThat(pipelines.knownIds(0, 10)).containsExactly("github:acme/shop / CI", PIPELINE);
      assertThat(pipelines.knownIds(1, 10)).containsExactly(PIPELINE);
      assertThat(pipelines.isKnown(PIPELINE)).isTrue();
      assertThat(pipelines.isKnown("gitlab:nope")).isFalse();
      assertThat(pipelines.find("gitlab:nope")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void alertsAreRaisedResolvedAndPaged(String kind) {
    try (Database database = open(kind)) {
      AlertStore alerts = new AlertStore(database.dataSource());
      Alert repeated =
          new Alert(PIPELINE, AlertKind.REPEATED_FAILURE, AlertSeverity.WARNING, "3 failed", 3, 3);
      Alert rate =
          new Alert(PIPELINE, AlertKind.FAILURE_RATE, AlertSeverity.CRITICAL, "60 %", 0.6, 0.2);

      StoredAlert first = alerts.raise(repeated, T0);
      StoredAlert second = alerts.raise(rate, T0.plusSeconds(60));
      boolean resolved = alerts.resolve(first.id(), T0.plusSeconds(120));
      boolean resolvedAgain = alerts.resolve(first.id(), T0.plusSeconds(180));

      assertThat(resolved).isTrue();
      assertThat(resolvedAgain).isFalse();
      assertThat(alerts.active(PIPELINE)).extracting(StoredAlert::id).containsExactly(second.id());
      assertThat(alerts.countActive()).isEqualTo(1);
      assertThat(alerts.allActive(10)).hasSize(1);
      Page<StoredAlert> page = alerts.page(T0.minusSeconds(1), false, null, 1);
      assertThat(page.items()).extracting(StoredAlert::id).containsExactly(second.id());
      Page<StoredAlert> next = alerts.page(T0.minusSeconds(1), false, page.nextCursor(), 1);
      StoredAlert old = next.items().get(0);
      assertThat(old.active()).isFalse();
      assertThat(old.resolvedAt()).isEqualTo(T0.plusSeconds(120));
      assertThat(old.alert()).isEqualTo(repeated);
      assertThat(next.nextCursor()).isNull();
      assertThat(alerts.page(T0.plusSeconds(30), false, null, 10).items()).hasSize(1);
      assertThat(alerts.page(T0.minusSeconds(1), true, null, 10).items()).hasSize(1);
    }
  }
}
