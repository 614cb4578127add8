package io.pipelineguard.jenkins;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Runs a {@code guard} block: starts the body; when it fails, reads the lines it wrote (bounded),
 * diagnoses them and retries, rolls back or fails, as the engine proposes within the step's caps.
 *
 * <p>Threads: {@link #start()} and the body callbacks run on the CPS VM thread and only hand work
 * to {@link #run(Block)}, whose blocks (log reading, diagnosis, rollback scheduling) run on
 * Jenkins' background pool. A backoff wait is a timer task, never a sleeping thread.
 *
 * <p>Restart: the attempt counter, phase, backoff deadline and settings are serializable and
 * survive in {@code program.dat}; the {@link GuardRuntime} and the pending timer task are transient
 * and re-armed by {@link #onResume()}.
 */
public class GuardStepExecution extends GeneralNonBlockingStepExecution {
  private static final long serialVersionUID = 1L;

  /** Where a guard stands; persisted so a resumed guard knows what to re-arm. */
  enum Phase {
    /** Not started yet. */
    NEW,
    /** The body is running. */
    RUNNING,
    /** A failure is being diagnosed in the background. */
    DIAGNOSING,
    /** Waiting for a retry's backoff to elapse. */
    BACKOFF,
    /** The step has completed. */
    DONE
  }

  private static final Diagnosis UNDIAGNOSED =
      new Diagnosis(
          Category.UNKNOWN, false, 0.0, List.of(), "unknown", true, "the diagnoser failed");

  private final GuardSettings settings;
  private int attempt;
  private boolean rollbackUsed;
  private long logMark;
  private Phase phase = Phase.NEW;
  private long retryAtMillis;
  private String lastRetrySignature;
  private Category lastRetryCategory;

  /** Tells this block's failure chain from other guards in the same build (parallel branches). */
  private final String blockId = java.util.UUID.randomUUID().toString().substring(0, 8);

  private transient GuardRuntime runtime;
  private transient GuardRuntime.Cancellable pendingRetry;

  /**
   * Creates the execution of one {@code guard} block.
   *
   * @param context the step's context
   * @param settings the block's options
   * @param runtime the engine and Jenkins services; transient, re-armed on resume
   */
  GuardStepExecution(StepContext context, GuardSettings settings, GuardRuntime runtime) {
    super(context);
    this.settings = Objects.requireNonNull(settings, "settings must not be null");
    this.runtime = Objects.requireNonNull(runtime, "runtime must not be null");
  }

  @Override
  public boolean start() {
    run(this::startAttempt);
    return false;
  }

  @Override
  public void stop(Throwable cause) throws Exception {
    // Between attempts no body runs to receive the interruption: end the step ourselves.
    if (phase == Phase.BACKOFF) {
      cancelPendingRetry();
      phase = Phase.DONE;
      getContext().onFailure(cause);
      return;
    }
    super.stop(cause);
  }

  @Override
  public void onResume() {
    super.onResume();
    resumeWith(JenkinsGuardRuntime.get());
  }

  /**
   * Re-arms the transient state after a restart: a guard that was waiting out a backoff schedules
   * its retry for the time left (or at once if the deadline passed while Jenkins was down).
   */
  void resumeWith(GuardRuntime fresh) {
    this.runtime = Objects.requireNonNull(fresh, "runtime must not be null");
    if (phase == Phase.BACKOFF) {
      long left = Math.max(0, retryAtMillis - runtime.clock().millis());
      pendingRetry =
          runtime.scheduler().schedule(Duration.ofMillis(left), () -> run(this::startAttempt));
    }
  }

  @Override
  public String getStatus() {
    return "guard: " + phase.name().toLowerCase(java.util.Locale.ROOT) + ", attempt " + attempt;
  }

  /** Returns the attempt now running or last run, 1-based (0 before the start). */
  int attempt() {
    return attempt;
  }

  /** Returns where the guard stands. */
  Phase phase() {
    return phase;
  }

  private void startAttempt() throws Exception {
    if (phase == Phase.DONE) {
      return;
    }
    if (attempt == 0) {
      // An unknown or broken policy fails the step before its body runs, not at the first failure.
      engine().checkPolicy(settings.policy());
    }
    pendingRetry = null;
    attempt++;
    logMark = runtime.log().mark(getContext());
    phase = Phase.RUNNING;
    getContext().newBodyInvoker().withCallback(new AttemptCallback()).start();
  }

  private void cancelPendingRetry() {
    if (pendingRetry != null) {
      pendingRetry.cancel();
      pendingRetry = null;
    }
  }

  private void succeeded(Object result) throws Exception {
    if (phase == Phase.DONE) {
      return;
    }
    phase = Phase.DONE;
    if (attempt > 1) {
      logger().println("pipeline-guard: attempt " + attempt + " passed after a retry");
      learn(GuardDecision.Action.RETRY, true);
      report(
          new GuardRecord(
              attempt,
              GuardRecord.Outcome.SUCCEEDED,
              "",
              false,
              0,
              "",
              "passed after " + (attempt - 1) + " retr" + (attempt == 2 ? "y" : "ies"),
              List.of(),
              runtime.clock().millis()));
    }
    getContext().onSuccess(result);
  }

  private void failed(Throwable failure) throws Exception {
    if (phase == Phase.DONE) {
      return;
    }
    if (isAbort(failure)) {
      phase = Phase.DONE;
      logger().println("pipeline-guard: attempt " + attempt + " was aborted; not retried");
      report(
          new GuardRecord(
              attempt,
              GuardRecord.Outcome.ABORTED,
              "",
              false,
              0,
              "",
              "aborted",
              List.of(),
              runtime.clock().millis()));
      getContext().onFailure(failure);
      return;
    }
    phase = Phase.DIAGNOSING;
    if (attempt > 1) {
      learn(GuardDecision.Action.RETRY, false);
    }
    List<String> lines =
        new ArrayList<>(runtime.log().linesSince(getContext(), logMark, settings.maxLogLines()));
    if (failure.getMessage() != null) {
      lines.add("ERROR: " + shorten(failure.getMessage(), 1_000));
    }
    Diagnosis diagnosis = diagnose(lines);
    // Without a diagnosis nothing is known: never let a broken engine trigger a repair.
    GuardDecision proposed =
        diagnosis == null ? GuardDecision.fail("the diagnoser failed") : propose(diagnosis);
    if (diagnosis == null) {
      diagnosis = UNDIAGNOSED;
    }
    GuardDecision decision = GuardCaps.apply(settings, attempt, rollbackUsed, diagnosis, proposed);
    List<String> evidence = DiagnosisText.evidence(diagnosis, lines);
    PrintStream log = logger();
    log.println(
        "pipeline-guard: attempt "
            + attempt
            + "/"
            + settings.maxAttempts()
            + " failed: "
            + DiagnosisText.summary(diagnosis));
    for (String line : evidence) {
      log.println("pipeline-guard:   | " + line);
    }
    if (settings.dryRun()) {
      log.println("pipeline-guard: dry run: would " + describe(decision));
      finish(diagnosis, evidence, GuardRecord.Outcome.DRY_RUN, "dry run: " + describe(decision));
      fail(GuardFailure.PREFIX + DiagnosisText.summary(diagnosis), failure);
      return;
    }
    switch (decision.action()) {
      case RETRY:
        retry(diagnosis, evidence, decision);
        return;
      case ROLLBACK:
        rollBack(diagnosis, evidence, decision, failure);
        return;
      case FAIL:
      default:
        log.println("pipeline-guard: not retried: " + decision.reason());
        finish(diagnosis, evidence, GuardRecord.Outcome.FAILED, decision.reason());
        fail(GuardFailure.PREFIX + DiagnosisText.summary(diagnosis), failure);
    }
  }

  private void retry(Diagnosis diagnosis, List<String> evidence, GuardDecision decision)
      throws Exception {
    Duration backoff = decision.backoff();
    if (decision.clean()) {
      cleanBeforeRetry();
    }
    logger()
        .println(
            "pipeline-guard: retrying in "
                + backoff.toSeconds()
                + "s (attempt "
                + (attempt + 1)
                + "/"
                + settings.maxAttempts()
                + "): "
                + decision.reason());
    lastRetrySignature = diagnosis.signature();
    lastRetryCategory = diagnosis.category();
    report(record(diagnosis, evidence, GuardRecord.Outcome.RETRIED, decision.reason()));
    retryAtMillis = runtime.clock().millis() + backoff.toMillis();
    phase = Phase.BACKOFF;
    if (backoff.isZero()) {
      startAttempt();
    } else {
      pendingRetry = runtime.scheduler().schedule(backoff, () -> run(this::startAttempt));
    }
  }

  /** Deletes the block's cleanPaths; a failure to clean is logged and the retry goes ahead. */
  private void cleanBeforeRetry() throws Exception {
    if (settings.cleanPaths().isEmpty()) {
      logger()
          .println(
              "pipeline-guard: a clean retry was chosen but the block sets no cleanPaths:"
                  + " retrying without cleaning");
      return;
    }
    try {
      logger()
          .println(
              "pipeline-guard: clean retry: "
                  + runtime.workspace().clean(getContext(), settings.cleanPaths()));
    } catch (java.io.IOException e) {
      logger().println("pipeline-guard: clean retry: could not clean: " + e.getMessage());
    }
  }

  private void rollBack(
      Diagnosis diagnosis, List<String> evidence, GuardDecision decision, Throwable failure)
      throws Exception {
    rollbackUsed = true;
    String job = settings.rollbackJob().orElseThrow();
    String scheduled;
    try {
      scheduled = runtime.rollbacks().launch(getContext(), job, settings.rollbackParameters());
    } catch (java.io.IOException e) {
      logger()
          .println("pipeline-guard: rollback job " + job + " could not start: " + e.getMessage());
      finish(
          diagnosis,
          evidence,
          GuardRecord.Outcome.FAILED,
          "rollback failed to start: " + e.getMessage());
      fail(GuardFailure.PREFIX + DiagnosisText.summary(diagnosis), failure);
      return;
    }
    logger()
        .println("pipeline-guard: rollback started: " + scheduled + " (" + decision.reason() + ")");
    engine()
        .recordOutcome(
            new RepairOutcome(
                job(),
                diagnosis.signature(),
                diagnosis.category(),
                GuardDecision.Action.ROLLBACK,
                attempt,
                true));
    finish(diagnosis, evidence, GuardRecord.Outcome.ROLLED_BACK, "rollback started: " + scheduled);
    fail(GuardFailure.ROLLBACK_PREFIX + DiagnosisText.summary(diagnosis), failure);
  }

  private void finish(
      Diagnosis diagnosis, List<String> evidence, GuardRecord.Outcome outcome, String detail)
      throws Exception {
    phase = Phase.DONE;
    report(record(diagnosis, evidence, outcome, detail));
  }

  private void fail(String message, Throwable cause) {
    phase = Phase.DONE;
    getContext().onFailure(new GuardFailure(message, cause));
  }

  private GuardRecord record(
      Diagnosis diagnosis, List<String> evidence, GuardRecord.Outcome outcome, String detail) {
    return new GuardRecord(
        attempt,
        outcome,
        diagnosis.category().wireName(),
        diagnosis.transientFailure(),
        diagnosis.confidence(),
        diagnosis.explanation(),
        detail,
        evidence,
        runtime.clock().millis());
  }

  private Diagnosis diagnose(List<String> lines) throws Exception {
    try {
      return engine().diagnose(lines);
    } catch (RuntimeException e) {
      // A broken engine must never hide the body's own failure.
      logger().println("pipeline-guard: diagnosis failed: " + e);
      return null;
    }
  }

  private GuardDecision propose(Diagnosis diagnosis) throws Exception {
    try {
      return engine()
          .decide(
              diagnosis,
              new GuardSituation(
                  job(),
                  chain(),
                  attempt,
                  settings.maxAttempts(),
                  settings.policy(),
                  settings.rollbackJob().isPresent() && !rollbackUsed,
                  settings.neverRetry()));
    } catch (RuntimeException e) {
      logger().println("pipeline-guard: planning failed: " + e);
      return GuardDecision.fail("the planner failed: " + e);
    }
  }

  private void learn(GuardDecision.Action action, boolean succeeded) throws Exception {
    if (lastRetrySignature == null) {
      return;
    }
    try {
      engine()
          .recordOutcome(
              new RepairOutcome(
                  job(), lastRetrySignature, lastRetryCategory, action, attempt, succeeded));
    } catch (RuntimeException e) {
      logger().println("pipeline-guard: could not record the outcome: " + e);
    }
  }

  private void report(GuardRecord record) throws Exception {
    runtime.reporter().report(getContext(), record);
  }

  private GuardEngine engine() {
    return runtime.engine();
  }

  /** Returns e.g. {@code build #12, guard 1f0c2a9b}: one failure chain per block and build. */
  private String chain() {
    String build;
    try {
      Run<?, ?> run = getContext().get(Run.class);
      build = run == null ? "build ?" : "build #" + run.getNumber();
    } catch (java.io.IOException | InterruptedException e) {
      build = "build ?";
    }
    return build + ", guard " + (blockId == null ? "?" : blockId);
  }

  private String job() {
    try {
      Run<?, ?> run = getContext().get(Run.class);
      return run == null ? "unknown" : run.getParent().getFullName();
    } catch (java.io.IOException | InterruptedException e) {
      return "unknown";
    }
  }

  private PrintStream logger() throws Exception {
    TaskListener listener = getContext().get(TaskListener.class);
    return listener.getLogger();
  }

  private String describe(GuardDecision decision) {
    switch (decision.action()) {
      case RETRY:
        return (decision.clean()
                ? "clean " + settings.cleanPaths() + " and retry in "
                : "retry in ")
            + decision.backoff().toSeconds()
            + "s: "
            + decision.reason();
      case ROLLBACK:
        return "start rollback job "
            + settings.rollbackJob().orElse("?")
            + ": "
            + decision.reason();
      case FAIL:
      default:
        return "fail: " + decision.reason();
    }
  }

  /**
   * Returns whether a failure is an abort: a person (or an outer timeout) stopped the build. Aborts
   * are never retried. As in {@code retry}, a {@link FlowInterruptedException} counts only when it
   * is an actual interruption: a {@code timeout} inside the block clears that flag so that its
   * expiry can be diagnosed and retried.
   */
  static boolean isAbort(Throwable failure) {
    if (failure instanceof FlowInterruptedException fie) {
      return fie.isActualInterruption();
    }
    return failure instanceof InterruptedException;
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }

  /** Receives the body's end; hands all work to the background pool. */
  private final class AttemptCallback extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;

    @Override
    public void onSuccess(StepContext context, Object result) {
      run(() -> succeeded(result));
    }

    @Override
    public void onFailure(StepContext context, Throwable t) {
      run(() -> failed(t));
    }
  }
}
