package io.pipelineguard.bridge.repair;

import io.pipelineguard.bridge.learning.LearningDiagnoser;
import io.pipelineguard.bridge.platform.FetchedLog;
import io.pipelineguard.bridge.platform.PlatformClient;
import io.pipelineguard.bridge.processing.FailureProcessor;
import io.pipelineguard.bridge.security.AuditKind;
import io.pipelineguard.bridge.security.AuditLog;
import io.pipelineguard.bridge.store.DiagnosisStore;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.HeldRepairs;
import io.pipelineguard.bridge.store.JobResult;
import io.pipelineguard.bridge.store.PipelineStore;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RepairRecord;
import io.pipelineguard.bridge.store.RepairStore;
import io.pipelineguard.bridge.store.RunStore;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.DiagnosisReport;
import io.pipelineguard.repair.Criticality;
import io.pipelineguard.repair.PastAttempt;
import io.pipelineguard.repair.RepairAction;
import io.pipelineguard.repair.RepairContext;
import io.pipelineguard.repair.RepairPlan;
import io.pipelineguard.repair.RepairPlanner;
import io.pipelineguard.repair.RepairStrategy;
import io.pipelineguard.repair.event.AttemptState;
import io.pipelineguard.repair.learning.RepairStatsStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge's repair loop, as a {@link FailureProcessor}: for each failed job, fetch its log
 * through the platform API, diagnose it, plan with the {@link RepairPlanner}, claim the repair in
 * the store, then carry out the plan's first action on the platform (re-run, rollback) or record it
 * for people (escalate, hands-off). When a later delivery reports the retried job finished, the
 * repair is settled (SUCCEEDED or FAILED), an outcome row is written, the planner learns it and the
 * learned statistics are saved.
 *
 * <p>Idempotent: the repair row is inserted (unique per failed job attempt) before the platform is
 * called, so a delivery processed twice never calls the platform twice; settling is a conditional
 * update, so an outcome is learned once. The price: a crash between the claim and the call leaves
 * the repair PLANNED and the job not retried (at most once, never twice).
 *
 * <p>Without a client for the job's platform (no token configured) the job is recorded {@value
 * RunStore#PENDING_DIAGNOSIS}, as {@code PendingDiagnosisRecorder} does. Each failure costs one log
 * download (bounded by {@code maxLogBytes}), one diagnosis pass, a few statements and at most one
 * platform call; a backoff delay is waited on the worker thread, capped at {@code maxDelay}.
 */
public final class RepairingFailureProcessor implements FailureProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(RepairingFailureProcessor.class);

  /** Job states written by the loop. */
  public static final String DIAGNOSED = "DIAGNOSED";

  /** Repair states beyond {@link AttemptState}: recorded for people, or deliberately not acted. */
  public static final String ESCALATED = "ESCALATED";

  /** A plan of {@link RepairStrategy#NONE}. */
  public static final String HANDS_OFF = "HANDS_OFF";

  /** Waits out a backoff delay; tests pass a no-op. */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps {@code delay}. */
    void sleep(Duration delay) throws InterruptedException;
  }

  private final RunStore runs;
  private final RepairStore repairs;
  private final Map<Platform, PlatformClient> clients;
  private final DiagnosisStore diagnoses;
  private final HeldRepairs held;
  private final PipelineStore pipelines;
  private final LearningDiagnoser diagnoser;
  private final RepairPlanner planner;
  private final RepairStatsStore statsStore;
  private final Clock clock;
  private final long maxLogBytes;
  private final Duration maxDelay;
  private final Sleeper sleeper;
  private final AuditLog audit;

  /**
   * Creates the loop.
   *
   * @param clients one per platform whose API is configured
   * @param diagnoser shared, built once
   * @param planner shared; its statistics are loaded from {@code statsStore} here
   * @param statsStore where learned statistics are saved after each outcome
   * @param maxLogBytes the log download cap
   * @param maxDelay the longest backoff waited before a re-run
   * @param audit where each repair carried out on a platform is recorded ({@code repair_executed})
   * @throws IOException when the saved statistics cannot be read
   */
  public RepairingFailureProcessor(
      RunStore runs,
      DataSource dataSource,
      List<PlatformClient> clients,
      LearningDiagnoser diagnoser,
      RepairPlanner planner,
      RepairStatsStore statsStore,
      Clock clock,
      long maxLogBytes,
      Duration maxDelay,
      Sleeper sleeper,
      AuditLog audit)
      throws IOException {
    this.runs = Objects.requireNonNull(runs, "runs must not be null");
    Objects.requireNonNull(dataSource, "dataSource must not be null");
    this.repairs = new RepairStore(dataSource);
    this.diagnoses = new DiagnosisStore(dataSource);
    this.held = new HeldRepairs(dataSource);
    this.pipelines = new PipelineStore(dataSource);
    this.clients = new EnumMap<>(Platform.class);
    for (PlatformClient client : clients) {
      this.clients.put(client.platform(), client);
    }
    this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser must not be null");
    this.planner = Objects.requireNonNull(planner, "planner must not be null");
    this.statsStore = Objects.requireNonNull(statsStore, "statsStore must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.maxLogBytes = maxLogBytes;
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay must not be null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
    this.audit = Objects.requireNonNull(audit, "audit must not be null");
    planner.statistics().replaceAll(statsStore.load());
  }

  /**
   * Returns the key matching a repaired job with its later runs: the run and job name (GitHub and
   * GitLab give the retried job a new id in the same run or pipeline; Azure DevOps retries the same
   * build), or the pipeline and job name on Jenkins (a new build number).
   */
  static String matchKey(Platform platform, String pipeline, String runKey, String jobName) {
    return platform == Platform.JENKINS
        ? platform.wireName() + '\n' + pipeline + '\n' + jobName
        : platform.wireName() + '\n' + runKey + '\n' + jobName;
  }

  @Override
  public void process(FailedJob job) throws Exception {
    Instant now = clock.instant();
    PlatformClient client = clients.get(job.platform());
    if (client == null) {
      runs.recordFailedJob(job, RunStore.PENDING_DIAGNOSIS, now);
      return;
    }
    runs.recordFailedJob(job, RunStore.PENDING_DIAGNOSIS, now);
    long jobId =
        repairs
            .jobId(job)
            .orElseThrow(() -> new IllegalStateException("job row missing: " + job.jobKey()));
    if (repairs.hasRepair(jobId)) {
      return;
    }
    LearningDiagnoser.Diagnosed diagnosed;
    try (FetchedLog log = client.fetchLog(job, maxLogBytes)) {
      diagnosed = diagnoser.diagnose(log.source());
    }
    DiagnosisReport report = diagnosed.report();
    Diagnosis diagnosis = report.diagnosis();
    String evidence =
        report.lines().stream()
            .map(line -> line.number() + ": " + line.text())
            .collect(Collectors.joining("\n"));
    long diagnosisId = repairs.insertDiagnosis(jobId, diagnosis, evidence, clock.instant());
    diagnoses.setTemplates(diagnosisId, diagnosed.queryTemplates());
    repairs.setJobState(jobId, DIAGNOSED);

    String matchKey = matchKey(job.platform(), job.pipeline(), job.runKey(), job.jobName());
    List<PastAttempt> history = history(matchKey, job.commitSha());
    // Claim before planning: of two workers handling the same failure, only the claimant plans
    // (the planner would tell the other one "already planned", a hands-off plan).
    var claimed =
        repairs.claimRepair(
            jobId,
            diagnosisId,
            job,
            matchKey,
            RepairStrategy.NONE,
            AttemptState.PLANNED.name(),
            "planning",
            clock.instant());
    if (claimed.isEmpty()) {
      return;
    }
    long repairId = claimed.get();
    RepairContext context = context(job, history);
    RepairPlan plan = planner.plan(diagnosis, context);
    RepairAction action = plan.primary();
    RepairStrategy strategy = action.strategy();
    boolean acts = strategy.isRerun() || strategy == RepairStrategy.ROLLBACK;
    String initial =
        acts
            ? AttemptState.PLANNED.name()
            : strategy == RepairStrategy.ESCALATE ? ESCALATED : HANDS_OFF;
    repairs.setPlan(repairId, strategy, initial, plan.explanation());
    repairs.setJobState(jobId, acts ? "REPAIRING" : initial);
    LOG.info(
        "{} {}: {} -> {}: {}",
        job.platform().wireName(),
        job.jobKey(),
        diagnosis.category().wireName(),
        strategy.wireName(),
        plan.explanation());
    if (!acts) {
      return;
    }
    if (planner.policy().requiresApproval(action, context)) {
      held.hold(
          repairId,
          strategy,
          action.parameters().get("target"),
          "Held for approval (auto_repair.require_approval = "
              + planner.policy().approval().wireName()
              + "). "
              + plan.explanation());
      repairs.setJobState(jobId, HeldRepairs.HELD);
      return;
    }
    execute(client, job, action, repairId);
  }

  /** What {@link #approve} did. */
  public enum Approval {
    /** The repair was approved and handed to the platform: it is now RUNNING. */
    EXECUTED,
    /** Approved, but the platform refused or is not configured: the repair is ABORTED. */
    ABORTED,
    /** No repair has this id. */
    NOT_FOUND,
    /** The repair is not held (never was, or was approved already). */
    NOT_HELD
  }

  /**
   * Approves a repair held for approval and carries out its plan at once (no backoff wait: a person
   * decided), through the same platform call as an automatic repair. The HELD to PLANNED move is a
   * conditional update, so of concurrent approvals of one repair exactly one calls the platform.
   * Costs two or three statements and one platform call.
   *
   * @throws InterruptedException never in practice (no delay is waited)
   */
  public Approval approve(long repairId) throws InterruptedException {
    var plan = held.plan(repairId);
    if (plan.isEmpty()) {
      return Approval.NOT_FOUND;
    }
    if (!held.approve(repairId, clock.instant())) {
      return Approval.NOT_HELD;
    }
    FailedJob job = plan.get().job();
    repairs.jobId(job).ifPresent(id -> repairs.setJobState(id, "REPAIRING"));
    PlatformClient client = clients.get(job.platform());
    if (client == null) {
      repairs.moveRepair(
          repairId,
          AttemptState.PLANNED.name(),
          AttemptState.ABORTED.name(),
          "approved, but no API of " + job.platform().wireName() + " is configured",
          true,
          clock.instant());
      return Approval.ABORTED;
    }
    RepairAction action = RepairAction.of(plan.get().strategy(), "approved by a person");
    if (plan.get().target() != null) {
      action = action.withParameter("target", plan.get().target());
    }
    return execute(client, job, action.withDelay(Duration.ZERO), repairId)
        ? Approval.EXECUTED
        : Approval.ABORTED;
  }

  private boolean execute(PlatformClient client, FailedJob job, RepairAction action, long repairId)
      throws InterruptedException {
    Duration delay = action.delay().compareTo(maxDelay) > 0 ? maxDelay : action.delay();
    if (!delay.isZero()) {
      sleeper.sleep(delay);
    }
    String detail;
    try {
      detail =
          switch (action.strategy()) {
            case RETRY_FAILED_JOBS -> client.retryFailedJobs(job);
            case ROLLBACK -> client.triggerRollback(job, action.parameters().get("target"));
            default -> client.retryJob(job);
          };
    } catch (IOException | RuntimeException e) {
      LOG.warn("{} {}: the platform refused the repair: {}", job.platform(), job.jobKey(), e);
      repairs.moveRepair(
          repairId,
          AttemptState.PLANNED.name(),
          AttemptState.ABORTED.name(),
          "the platform refused: " + e.getMessage(),
          true,
          clock.instant());
      return false;
    }
    repairs.moveRepair(
        repairId,
        AttemptState.PLANNED.name(),
        AttemptState.RUNNING.name(),
        detail,
        false,
        clock.instant());
    audit.record(
        AuditKind.REPAIR_EXECUTED,
        "system",
        null,
        action.strategy().wireName()
            + " on "
            + job.platform().wireName()
            + " "
            + job.jobKey()
            + " (repair "
            + repairId
            + ")");
    return true;
  }

  @Override
  public void finished(JobResult result) throws IOException {
    String matchKey =
        matchKey(result.platform(), result.pipeline(), result.runKey(), result.jobName());
    for (RepairRecord repair : repairs.repairs(matchKey, AttemptState.RUNNING.name())) {
      if (!isLaterRun(result, repair)) {
        continue;
      }
      AttemptState to = result.succeeded() ? AttemptState.SUCCEEDED : AttemptState.FAILED;
      RepairAttemptStates.check(AttemptState.RUNNING, to);
      String detail =
          (result.succeeded() ? "passed" : "failed again")
              + " on attempt "
              + result.attempt()
              + " ("
              + result.jobKey()
              + ")";
      Instant now = clock.instant();
      if (!repairs.moveRepair(
          repair.id(), AttemptState.RUNNING.name(), to.name(), detail, true, now)) {
        continue;
      }
      repairs.insertOutcome(repair.id(), to.name(), detail, now);
      RepairContext context =
          RepairContext.builder()
              .platform(result.platform().wireName())
              .pipeline(repair.pipeline())
              .job(repair.jobName())
              .commit(repair.commitSha())
              .attempt(Math.max(1, repair.attempt()))
              .build();
      planner.recordOutcome(repair.diagnosis(), context, repair.strategy(), result.succeeded());
      statsStore.save(planner.statistics().snapshot());
    }
  }

  /**
   * Learns from a repair carried out elsewhere, e.g. by a Jenkins guard that shares its outcomes
   * ({@code POST /api/outcomes}): the planner's statistics for that signature, category and
   * strategy are updated and saved, as for the bridge's own repairs. Costs one statistics write.
   *
   * @param context the platform, pipeline and job the repair ran on, with its attempt
   * @param category the diagnosed category
   * @param signature the failure's signature
   * @param strategy the repair carried out
   * @param succeeded whether it helped
   */
  public void learnOutcome(
      RepairContext context,
      Category category,
      String signature,
      RepairStrategy strategy,
      boolean succeeded)
      throws IOException {
    Diagnosis diagnosis =
        new Diagnosis(
            category,
            category.kind() == Category.Kind.TRANSIENT,
            1.0,
            List.of(),
            signature,
            false,
            "outcome shared by " + context.platform());
    planner.recordOutcome(diagnosis, context, strategy, succeeded);
    statsStore.save(planner.statistics().snapshot());
  }

  /** A result settles a repair when it is a later run of the repaired job, not its own report. */
  private static boolean isLaterRun(JobResult result, RepairRecord repair) {
    return result.platform() == Platform.AZURE_DEVOPS
        || !result.jobKey().equals(repair.jobKey())
        || result.attempt() > repair.attempt();
  }

  private List<PastAttempt> history(String matchKey, String commit) {
    List<PastAttempt> past = new ArrayList<>();
    for (RepairRecord r : repairs.history(matchKey, commit)) {
      if (r.finishedAt() != null
          && (AttemptState.SUCCEEDED.name().equals(r.state())
              || AttemptState.FAILED.name().equals(r.state()))) {
        past.add(
            new PastAttempt(
                r.strategy(), AttemptState.SUCCEEDED.name().equals(r.state()), r.finishedAt()));
      }
    }
    return past;
  }

  /**
   * The planner's view of a failed job; a registered pipeline ({@code POST /api/pipelines}) adds
   * whether it deploys, its rollback target and, when critical, a high criticality.
   */
  private RepairContext context(FailedJob job, List<PastAttempt> history) {
    RepairContext.Builder context =
        RepairContext.builder()
            .platform(job.platform().wireName())
            .pipeline(clip(job.pipeline()))
            .job(clip(job.jobName()))
            .commit(job.commitSha() == null ? "unknown" : clip(job.commitSha()))
            .attempt(Math.min(job.attempt(), RepairContext.MAX_ATTEMPT))
            .history(history);
    pipelines
        .find(job.platform().wireName() + ":" + job.pipeline())
        .ifPresent(
            registered -> {
              context.deploys(registered.deploys());
              if (registered.critical()) {
                context.criticality(Criticality.HIGH);
              }
              if (registered.rollbackTarget() != null) {
                context.rollbackTarget(registered.rollbackTarget());
              }
            });
    return context.build();
  }

  private static String clip(String value) {
    String v = value.isBlank() ? "unnamed" : value;
    return v.length() > RepairContext.MAX_NAME_CHARS
        ? v.substring(0, RepairContext.MAX_NAME_CHARS)
        : v;
  }
}
