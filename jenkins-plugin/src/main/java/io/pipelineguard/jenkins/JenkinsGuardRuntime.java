package io.pipelineguard.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.FilePath;
import hudson.console.AnnotatedLargeText;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.StringParameterValue;
import hudson.util.Secret;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The {@link GuardRuntime} inside Jenkins: one per controller, holding the engine and its state
 * under {@code $JENKINS_HOME/pipeline-guard/}, both created on first use.
 */
@Extension
public final class JenkinsGuardRuntime implements GuardRuntime {
  /** Folder under {@code JENKINS_HOME} where the engine's state lives. */
  public static final String STATE_FOLDER = "pipeline-guard";

  private final Clock clock = Clock.systemUTC();
  private volatile GuardLedger ledger;
  private volatile GuardEngine engine;
  private volatile UserRules rules;

  /** Created by Jenkins (extension index). */
  public JenkinsGuardRuntime() {}

  /** Returns the controller's runtime. Requires a running Jenkins. */
  public static JenkinsGuardRuntime get() {
    return ExtensionList.lookupSingleton(JenkinsGuardRuntime.class);
  }

  /** Returns whether guards may act (retry, roll back), from the global configuration. */
  static boolean autoRepairEnabled() {
    return GuardGlobalConfiguration.get().isAutoRepair();
  }

  /** Returns the ledger (job health, recent diagnoses, repairs), loading it on first use. */
  public GuardLedger ledger() {
    GuardLedger l = ledger;
    if (l == null) {
      synchronized (this) {
        l = ledger;
        if (l == null) {
          File dir = new File(Jenkins.get().getRootDir(), STATE_FOLDER);
          l = new GuardLedger(dir.toPath(), clock);
          ledger = l;
        }
      }
    }
    return l;
  }

  /** Returns the administrator's failure rules, loading them on first use. */
  public UserRules rules() {
    UserRules r = rules;
    if (r == null) {
      synchronized (this) {
        r = rules;
        if (r == null) {
          r = new UserRules(new File(Jenkins.get().getRootDir(), STATE_FOLDER).toPath());
          rules = r;
        }
      }
    }
    return r;
  }

  @Override
  public GuardEngine engine() {
    GuardEngine e = engine;
    if (e == null) {
      synchronized (this) {
        e = engine;
        if (e == null) {
          e =
              new SharedGuardEngine(
                  new File(Jenkins.get().getRootDir(), STATE_FOLDER).toPath(),
                  ledger(),
                  rules(),
                  clock,
                  new GuardPolicies(
                      () -> GuardGlobalConfiguration.get().getDefaultPolicy(),
                      () -> GuardGlobalConfiguration.get().getCustomPolicies()),
                  new BridgeOutcomeForwarder(
                      () -> GuardGlobalConfiguration.get().getBridgeUrl(),
                      () -> {
                        Secret key = GuardGlobalConfiguration.get().getBridgeApiKey();
                        return key == null ? "" : key.getPlainText();
                      }));
          engine = e;
        }
      }
    }
    return e;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public BuildLog log() {
    return new BuildLog() {
      @Override
      public long mark(StepContext context) throws IOException, InterruptedException {
        return context.get(Run.class).getLogText().length();
      }

      @Override
      public List<String> linesSince(StepContext context, long mark, int maxLines)
          throws IOException, InterruptedException {
        return readSince(context.get(Run.class), mark, maxLines);
      }
    };
  }

  /**
   * Reads at most {@link GuardSettings#MAX_LOG_BYTES} of a build's log after {@code mark} (the tail
   * when there is more), console notes removed, and returns its last {@code maxLines} lines.
   */
  static List<String> readSince(Run<?, ?> run, long mark, int maxLines) throws IOException {
    AnnotatedLargeText<?> text = run.getLogText();
    long end = text.length();
    long start = Math.max(mark, end - GuardSettings.MAX_LOG_BYTES);
    LogTail.Capped out = new LogTail.Capped(GuardSettings.MAX_LOG_BYTES);
    text.writeLogTo(start, out);
    return LogTail.lines(out.bytes(), start > mark, maxLines);
  }

  @Override
  public Scheduler scheduler() {
    return (delay, task) -> {
      ScheduledFuture<?> f = Timer.get().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    };
  }

  @Override
  public RollbackLauncher rollbacks() {
    return JenkinsGuardRuntime::launchRollback;
  }

  private static String launchRollback(
      StepContext context, String jobFullName, Map<String, String> parameters)
      throws IOException, InterruptedException {
    Run<?, ?> upstream = context.get(Run.class);
    Job<?, ?> job = Jenkins.get().getItemByFullName(jobFullName, Job.class);
    if (job == null) {
      throw new IOException("no job named '" + jobFullName + "' (or no permission to see it)");
    }
    // The build's own authentication must be allowed to start the rollback job.
    job.checkPermission(Item.BUILD);
    List<ParameterValue> values = new ArrayList<>();
    parameters.forEach((k, v) -> values.add(new StringParameterValue(k, v)));
    Queue.Item item =
        ParameterizedJobMixIn.scheduleBuild2(
            job,
            0,
            new CauseAction(new Cause.UpstreamCause(upstream)),
            new ParametersAction(values));
    if (item == null) {
      throw new IOException("job '" + jobFullName + "' refused to be scheduled");
    }
    return jobFullName + " (queued, " + parameters.size() + " parameters)";
  }

  @Override
  public Reporter reporter() {
    return (context, record) -> {
      Run<?, ?> run = context.get(Run.class);
      GuardBuildAction.of(run).add(record);
      run.save();
    };
  }

  @Override
  public WorkspaceCleaner workspace() {
    return JenkinsGuardRuntime::cleanWorkspace;
  }

  private static String cleanWorkspace(StepContext context, List<String> paths)
      throws IOException, InterruptedException {
    FilePath workspace = context.get(FilePath.class);
    if (workspace == null) {
      return "no workspace here (the guard is outside a node block): nothing cleaned";
    }
    List<String> deleted = new ArrayList<>();
    for (String path : paths) {
      FilePath target = workspace.child(path);
      if (target.exists()) {
        target.deleteRecursive();
        deleted.add(path);
      }
    }
    return deleted.isEmpty()
        ? "none of " + paths + " existed in " + workspace.getRemote()
        : "deleted " + deleted + " in " + workspace.getRemote();
  }
}
