package io.pipelineguard.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One contract, both stores: embedded H2 (file mode) and a real PostgreSQL. */
class StoreContractTest extends BothStores {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

  private static NewDelivery delivery(String key) {
    return new NewDelivery(
        Platform.GITHUB,
        key,
        "workflow_job",
        T0,
        ("{\"k\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void deliveries_are_deduplicated_by_platform_and_key(String kind) {
    try (Database database = open(kind)) {
      DeliveryStore store = new DeliveryStore(database);

      List<InsertResult> first =
          store.insertAll(List.of(delivery("a"), delivery("b"), delivery("a")));
      List<InsertResult> again = store.insertAll(List.of(delivery("b")));

      assertThat(first).extracting(InsertResult::duplicate).containsExactly(false, false, true);
      assertThat(first.get(2).id()).isEqualTo(first.get(0).id());
      assertThat(again.get(0).duplicate()).isTrue();
      assertThat(again.get(0).id()).isEqualTo(first.get(1).id());
      assertThat(store.countByStatus().get(DeliveryStatus.PENDING)).isEqualTo(2);
      assertThat(store.find(first.get(0).id()).orElseThrow().body())
          .isEqualTo("{\"k\":\"a\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(store.find(first.get(0).id()).orElseThrow().receivedAt()).isEqualTo(T0);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void deliveries_stored_claimed_skip_the_claim_and_can_be_released(String kind) {
    try (Database database = open(kind)) {
      DeliveryStore store = new DeliveryStore(database);
      List<InsertResult> stored =
          store.insertAllClaimed(List.of(delivery("c1"), delivery("c2"), delivery("c1")));
      long first = stored.get(0).id();
      long second = stored.get(1).id();

      boolean claimedAgain = store.claim(first);
      store.releaseAll(List.of(second));

      assertThat(stored.get(2).duplicate()).isTrue();
      assertThat(claimedAgain).isFalse();
      assertThat(store.find(first).orElseThrow().status()).isEqualTo(DeliveryStatus.PROCESSING);
      assertThat(store.find(first).orElseThrow().attempts()).isEqualTo(1);
      assertThat(store.find(second).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(store.find(second).orElseThrow().attempts()).isZero();
      assertThat(store.pendingIds(10)).containsExactly(second);
      assertThat(store.requeueInterrupted()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void a_delivery_is_claimed_once_and_interrupted_claims_are_requeued(String kind) {
    try (Database database = open(kind)) {
      DeliveryStore store = new DeliveryStore(database);
      long id = store.insertAll(List.of(delivery("x"))).get(0).id();

      boolean firstClaim = store.claim(id);
      boolean secondClaim = store.claim(id);
      int requeued = store.requeueInterrupted();
      boolean afterRequeue = store.claim(id);
      store.markProcessed(id, T0);

      assertThat(firstClaim).isTrue();
      assertThat(secondClaim).isFalse();
      assertThat(requeued).isEqualTo(1);
      assertThat(afterRequeue).isTrue();
      Delivery done = store.find(id).orElseThrow();
      assertThat(done.status()).isEqualTo(DeliveryStatus.PROCESSED);
      assertThat(done.attempts()).isEqualTo(2);
      assertThat(store.pendingIds(10)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void a_group_claim_takes_only_pending_deliveries_and_marks_them_together(String kind) {
    try (Database database = open(kind)) {
      DeliveryStore store = new DeliveryStore(database);
      List<InsertResult> stored =
          store.insertAll(List.of(delivery("g1"), delivery("g2"), delivery("g3")));
      long g1 = stored.get(0).id();
      long g2 = stored.get(1).id();
      long g3 = stored.get(2).id();
      store.claim(g2); // already taken by someone else

      List<Long> claimed = store.claimAll(List.of(g3, g1, g2));
      List<Long> again = store.claimAll(List.of(g1, g3));
      store.markAllProcessed(claimed, T0);

      assertThat(claimed).containsExactly(g1, g3);
      assertThat(again).isEmpty();
      assertThat(store.find(g1).orElseThrow().status()).isEqualTo(DeliveryStatus.PROCESSED);
      assertThat(store.find(g3).orElseThrow().processedAt()).isEqualTo(T0);
      assertThat(store.find(g3).orElseThrow().attempts()).isEqualTo(1);
      assertThat(store.find(g2).orElseThrow().status()).isEqualTo(DeliveryStatus.PROCESSING);
      assertThat(store.claimAll(List.of())).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void a_group_commit_also_marks_earlier_deliveries_processed(String kind) {
    try (Database database = open(kind)) {
      DeliveryStore store = new DeliveryStore(database);
      List<InsertResult> first = store.insertAllClaimed(List.of(delivery("m1"), delivery("m2")));
      long m1 = first.get(0).id();
      long m2 = first.get(1).id();

      List<InsertResult> second =
          store.insertAllClaimed(
              List.of(delivery("m3"), delivery("m1")),
              List.of(new DeliveryStore.Processed(List.of(m1), T0)));
      store.insertAllClaimed(
          List.of(), List.of(new DeliveryStore.Processed(List.of(m2), T0.plusSeconds(1))));

      assertThat(second.get(0).duplicate()).isFalse();
      assertThat(second.get(1)).isEqualTo(new InsertResult(m1, true));
      assertThat(store.find(m1).orElseThrow().status()).isEqualTo(DeliveryStatus.PROCESSED);
      assertThat(store.find(m1).orElseThrow().processedAt()).isEqualTo(T0);
      assertThat(store.find(m2).orElseThrow().processedAt()).isEqualTo(T0.plusSeconds(1));
      assertThat(store.find(second.get(0).id()).orElseThrow().status())
          .isEqualTo(DeliveryStatus.PROCESSING);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void pages_are_newest_first_with_a_cursor(String kind) {
    try (Database database = open(kind)) {
      DeliveryStore store = new DeliveryStore(database);
      List<NewDelivery> batch = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        batch.add(delivery("p" + i));
      }
      store.insertAll(batch);

      Page<Delivery> first = store.page(null, 2);
      Page<Delivery> second = store.page(first.nextCursor(), 2);
      Page<Delivery> last = store.page(second.nextCursor(), 2);

      assertThat(first.items()).extracting(Delivery::deliveryKey).containsExactly("p4", "p3");
      assertThat(second.items()).extracting(Delivery::deliveryKey).containsExactly("p2", "p1");
      assertThat(last.items()).extracting(Delivery::deliveryKey).containsExactly("p0");
      assertThat(last.nextCursor()).isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void runs_upsert_and_failed_jobs_are_recorded_once(String kind) {
    try (Database database = open(kind)) {
      DeliveryStore deliveries = new DeliveryStore(database);
      RunStore runs = new RunStore(database.dataSource());
      long deliveryId = deliveries.insertAll(List.of(delivery("r"))).get(0).id();
      RunRecord queued =
          new RunRecord(
              0,
              Platform.GITLAB,
              "1/pipelines/2",
              "grp/proj",
              "7",
              "running",
              null,
              null,
              "abc",
              "main",
              T0,
              T0);
      RunRecord done =
          new RunRecord(
              0,
              Platform.GITLAB,
              "1/pipelines/2",
              "grp/proj",
              null,
              "failed",
              "failed",
              "http://x",
              null,
              null,
              T0,
              T0.plusSeconds(60));
      FailedJob job =
          new FailedJob(
              deliveryId,
              Platform.GITLAB,
              "grp/proj",
              "1/pipelines/2",
              "1/jobs/3",
              "test",
              1,
              "script_failure",
              null,
              "abc",
              "main",
              T0);

      runs.upsertRun(queued);
      runs.upsertRun(done);
      boolean firstRecord = runs.recordFailedJob(job, RunStore.PENDING_DIAGNOSIS, T0);
      boolean secondRecord = runs.recordFailedJob(job, RunStore.PENDING_DIAGNOSIS, T0);

      List<RunRecord> stored = runs.page(null, 10).items();
      assertThat(stored).hasSize(1);
      assertThat(stored.get(0).status()).isEqualTo("failed");
      assertThat(stored.get(0).runNumber()).isEqualTo("7");
      assertThat(stored.get(0).commitSha()).isEqualTo("abc");
      assertThat(stored.get(0).updatedAt()).isEqualTo(T0.plusSeconds(60));
      assertThat(firstRecord).isTrue();
      assertThat(secondRecord).isFalse();
      assertThat(runs.countJobs(RunStore.PENDING_DIAGNOSIS)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void keys_sessions_and_audit_events_round_trip(String kind) {
    try (Database database = open(kind)) {
      var tokens = new io.pipelineguard.bridge.security.SecretTokens();
      ApiKeyStore keys = new ApiKeyStore(database.dataSource(), tokens);
      SessionStore sessions = new SessionStore(database.dataSource(), tokens);
      AuditStore audit = new AuditStore(database.dataSource());

      ApiKeyStore.CreatedKey created =
          keys.create(
              "ci",
              io.pipelineguard.bridge.security.Role.OPERATOR,
              io.pipelineguard.bridge.security.Permission.parseList("audit:read"),
              T0);
      keys.touch(created.key().id(), T0.plusSeconds(5));
      var found = keys.findBySecret(created.secret()).orElseThrow();
      String bootstrapToken = sessions.open(null, T0, T0.plusSeconds(60));
      String keyToken = sessions.open(created.key().id(), T0, T0.plusSeconds(60));
      boolean revoked = keys.revoke(created.key().id(), T0.plusSeconds(10));
      boolean revokedTwice = keys.revoke(created.key().id(), T0.plusSeconds(11));
      audit.insert(T0, "login", "ci", "127.0.0.1", "session opened");
      audit.insert(T0.minusSeconds(3600), "login", "ci", "127.0.0.1", "old session");
      var auditLog =
          new io.pipelineguard.bridge.security.AuditLog(
              audit, java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC));
      int keptForever = auditLog.prune(java.time.Duration.ZERO);
      int pruned = auditLog.prune(java.time.Duration.ofSeconds(1));

      assertThat(found.name()).isEqualTo("ci");
      assertThat(found.extraPermissions())
          .extracting(Object::toString)
          .containsExactly("audit:read");
      assertThat(found.lastUsedAt()).isEqualTo(T0.plusSeconds(5));
      assertThat(keys.findBySecret(tokens.newApiKey())).isEmpty();
      assertThat(sessions.find(bootstrapToken, T0.plusSeconds(59)).orElseThrow().keyId()).isNull();
      assertThat(sessions.find(keyToken, T0).orElseThrow().keyId()).isEqualTo(created.key().id());
      assertThat(sessions.find(keyToken, T0.plusSeconds(60))).isEmpty();
      assertThat(sessions.close(keyToken)).isTrue();
      assertThat(revoked).isTrue();
      assertThat(revokedTwice).isFalse();
      assertThat(keptForever).isZero();
      assertThat(pruned).isEqualTo(1);
      assertThat(audit.page(null, 10).items())
          .extracting(io.pipelineguard.bridge.security.AuditEvent::detail)
          .containsExactly("session opened");
      assertThat(keys.hasActiveKeys()).isFalse();
      assertThat(keys.find(created.key().id()).orElseThrow().active()).isFalse();
      assertThat(audit.page(null, 10).items())
          .singleElement()
          .satisfies(e -> assertThat(e.at()).isEqualTo(T0));
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void diagnoses_feedback_held_repairs_and_metric_totals(String kind) {
    try (Database database = open(kind)) {
      var ds = database.dataSource();
      DeliveryStore deliveries = new DeliveryStore(database);
      RunStore runs = new RunStore(ds);
      RepairStore repairs = new RepairStore(ds);
      DiagnosisStore diagnoses = new DiagnosisStore(ds);
      long deliveryId = deliveries.insertAll(List.of(delivery("h"))).get(0).id();
      FailedJob job =
          new FailedJob(
              deliveryId,
              Platform.GITHUB,
              "octo/app/CI",
              "octo/app/runs/9",
              "octo/app/jobs/5",
              "build",
              1,
              "failure",
              null,
              "abc",
              "main",
              T0);
      runs.recordFailedJob(job, RunStore.PENDING_DIAGNOSIS, T0);
      long jobId = repairs.jobId(job).orElseThrow();
      var diagnosis =
          new io.pipelineguard.diagnosis.Diagnosis(
              io.pipelineguard.diagnosis.Category.NETWORK, true, 0.9, List.of(), "sig", true, "x");
      long diagnosisId = repairs.insertDiagnosis(jobId, diagnosis, "3: host down\n4: exit 1", T0);
      diagnoses.setTemplates(diagnosisId, List.of("host <*> down", "exit <n>"));
      long feedbackId = diagnoses.insertFeedback(diagnosisId, "dependency", null, "gone", T0);

      assertThat(feedbackId).isPositive();
      assertThat(diagnoses.templates(diagnosisId)).containsExactly("host <*> down", "exit <n>");
      DiagnosisRecord found = diagnoses.find(diagnosisId).orElseThrow();
      assertThat(found.pipelineId()).isEqualTo("github:octo/app/CI");
      assertThat(found.evidence().get(1).number()).isEqualTo(4);
      assertThat(diagnoses.page(null, 10, "network", "github", "octo/app/CI").items()).hasSize(1);
      assertThat(diagnoses.page(null, 10, "timeout", null, null).items()).isEmpty();

      long repairId =
          repairs
              .claimRepair(
                  jobId,
                  diagnosisId,
                  job,
                  "k",
                  io.pipelineguard.repair.RepairStrategy.NONE,
                  "PLANNED",
                  "planning",
                  T0)
              .orElseThrow();
      HeldRepairs held = new HeldRepairs(ds);
      held.hold(repairId, io.pipelineguard.repair.RepairStrategy.ROLLBACK, "deploy-prev", "why");
      RepairHistory history = new RepairHistory(ds);
      assertThat(history.page(null, 10, HeldRepairs.HELD).items()).hasSize(1);
      boolean first = held.approve(repairId, T0);
      boolean second = held.approve(repairId, T0);
      var plan = held.plan(repairId).orElseThrow();
      repairs.insertOutcome(repairId, "SUCCEEDED", "passed", T0);

      assertThat(first).isTrue();
      assertThat(second).isFalse();
      assertThat(plan.target()).isEqualTo("deploy-prev");
      assertThat(plan.job().jobKey()).isEqualTo("octo/app/jobs/5");
      RepairView view = history.find(repairId).orElseThrow();
      assertThat(view.state()).isEqualTo("PLANNED");
      assertThat(view.outcome()).isEqualTo("SUCCEEDED");
      assertThat(view.approvedAt()).isEqualTo(T0);

      var clock = java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC);
      var metrics =
          new io.pipelineguard.bridge.metrics.BridgeMetrics(ds, clock, java.time.Duration.ZERO);
      metrics.recordDiagnosis(2_000_000_000L);
      metrics.flush();
      String scraped =
          new io.pipelineguard.bridge.metrics.BridgeMetrics(ds, clock, java.time.Duration.ZERO)
              .scrape();
      assertThat(scraped)
          .contains("pipeline_guard_diagnosis_seconds_count 1")
          .contains("pipeline_guard_diagnosis_seconds_sum 2.0")
          .contains("pipeline_guard_diagnoses_total{category=\"network\"} 1");
    }
  }

  @ParameterizedTest
  @MethodSource("stores")
  void a_signature_was_last_seen_at_its_newest_diagnosis(String kind) {
    try (Database database = open(kind)) {
      var ds = database.dataSource();
      long deliveryId = new DeliveryStore(database).insertAll(List.of(delivery("s"))).get(0).id();
      RunStore runs = new RunStore(ds);
      RepairStore repairs = new RepairStore(ds);
      FailedJob job =
          new FailedJob(
              deliveryId,
              Platform.GITLAB,
              "group/app",
              "9/pipelines/1",
              "9/jobs/1",
              "test",
              1,
              "script_failure",
              null,
              "abc",
              "main",
              T0);
      runs.recordFailedJob(job, RunStore.PENDING_DIAGNOSIS, T0);
      long jobId = repairs.jobId(job).orElseThrow();
      var diagnosis =
          new io.pipelineguard.diagnosis.Diagnosis(
              io.pipelineguard.diagnosis.Category.NETWORK,
              true,
              0.9,
              List.of(),
              "network/0123456789abcdef",
              true,
              "x");
      repairs.insertDiagnosis(jobId, diagnosis, "1: boom", T0);
      repairs.insertDiagnosis(jobId, diagnosis, "1: boom", T0.plusSeconds(60));
      SqlSignatureHistory history = new SqlSignatureHistory(ds);

      assertThat(history.lastSeen("network/0123456789abcdef")).contains(T0.plusSeconds(60));
      assertThat(history.lastSeen("network/ffffffffffffffff")).isEmpty();
    }
  }
}
