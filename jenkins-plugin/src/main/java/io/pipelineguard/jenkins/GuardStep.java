package io.pipelineguard.jenkins;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.pipelineguard.diagnosis.Category;
import java.util.List;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The {@code guard(...) { ... }} Pipeline step: runs its body, diagnoses a failure from the lines
 * the body wrote, and retries, rolls back or fails with the diagnosis.
 *
 * <p>All options are optional ({@code @DataBoundSetter}); invalid values fail the step at once with
 * a message naming the option.
 */
public class GuardStep extends Step {
  private int maxAttempts = GuardSettings.DEFAULT_MAX_ATTEMPTS;
  private String policy = GuardSettings.DEFAULT_POLICY;
  private String rollbackJob = "";
  private List<String> rollbackParameters = List.of();
  private List<String> cleanPaths = List.of();
  private List<String> neverRetry = List.of();
  private boolean dryRun;
  private int maxLogLines = GuardSettings.DEFAULT_MAX_LOG_LINES;

  /** Creates a guard with the default options. */
  @DataBoundConstructor
  public GuardStep() {}

  public int getMaxAttempts() {
    return maxAttempts;
  }

  /** Sets the most attempts, first run included (1 to 10, default 3). */
  @DataBoundSetter
  public void setMaxAttempts(int maxAttempts) {
    GuardSettings.custom().maxAttempts(maxAttempts);
    this.maxAttempts = maxAttempts;
  }

  public String getPolicy() {
    return policy;
  }

  /** Sets the repair policy's name (default {@code default}). */
  @DataBoundSetter
  public void setPolicy(String policy) {
    GuardSettings.custom().policy(policy);
    this.policy = policy;
  }

  public String getRollbackJob() {
    return rollbackJob;
  }

  /** Sets the full name of the job started once as rollback; empty for none. */
  @DataBoundSetter
  public void setRollbackJob(String rollbackJob) {
    this.rollbackJob = rollbackJob == null ? "" : rollbackJob.trim();
  }

  public List<String> getRollbackParameters() {
    return rollbackParameters;
  }

  /** Sets the rollback job's string parameters as {@code NAME=value} entries. */
  @DataBoundSetter
  public void setRollbackParameters(List<String> rollbackParameters) {
    List<String> copy = List.copyOf(rollbackParameters);
    for (String entry : copy) {
      parameter(entry);
    }
    this.rollbackParameters = copy;
  }

  public List<String> getNeverRetry() {
    return neverRetry;
  }

  /** Sets the categories never retried, by taxonomy name ({@code test_failure}, ...). */
  @DataBoundSetter
  public void setNeverRetry(List<String> neverRetry) {
    List<String> copy = List.copyOf(neverRetry);
    for (String name : copy) {
      category(name);
    }
    this.neverRetry = copy;
  }

  public boolean isDryRun() {
    return dryRun;
  }

  /** Sets whether the guard only says what it would do, and never retries or rolls back. */
  @DataBoundSetter
  public void setDryRun(boolean dryRun) {
    this.dryRun = dryRun;
  }

  public List<String> getCleanPaths() {
    return cleanPaths;
  }

  /**
   * Sets the workspace-relative paths deleted before a clean retry (e.g. {@code ['build',
   * '.gradle/caches']}); without them a clean retry only retries.
   */
  @DataBoundSetter
  public void setCleanPaths(List<String> cleanPaths) {
    List<String> copy = List.copyOf(cleanPaths);
    GuardSettings.Builder check = GuardSettings.custom();
    copy.forEach(check::cleanPath);
    this.cleanPaths = copy;
  }

  public int getMaxLogLines() {
    return maxLogLines;
  }

  /** Sets the most log lines of a failed attempt given to the diagnoser (default 2000). */
  @DataBoundSetter
  public void setMaxLogLines(int maxLogLines) {
    GuardSettings.custom().maxLogLines(maxLogLines);
    this.maxLogLines = maxLogLines;
  }

  /** Returns the options as validated, immutable settings. */
  public GuardSettings settings() {
    GuardSettings.Builder b =
        GuardSettings.custom()
            .maxAttempts(maxAttempts)
            .policy(policy)
            .rollbackJob(rollbackJob)
            .dryRun(dryRun)
            .maxLogLines(maxLogLines);
    for (String entry : rollbackParameters) {
      String[] kv = parameter(entry);
      b.rollbackParameter(kv[0], kv[1]);
    }
    for (String name : neverRetry) {
      b.neverRetry(category(name));
    }
    cleanPaths.forEach(b::cleanPath);
    return b.build();
  }

  @Override
  public StepExecution start(StepContext context) throws Exception {
    GuardSettings settings = settings();
    GuardRuntime runtime = JenkinsGuardRuntime.get();
    if (!JenkinsGuardRuntime.autoRepairEnabled() && !settings.dryRun()) {
      settings = rebuildAsDryRun();
    }
    return new GuardStepExecution(context, settings, runtime);
  }

  private GuardSettings rebuildAsDryRun() {
    boolean was = dryRun;
    dryRun = true;
    try {
      return settings();
    } finally {
      dryRun = was;
    }
  }

  private static String[] parameter(String entry) {
    int eq = entry == null ? -1 : entry.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "rollbackParameters entries must look like NAME=value, was '" + entry + "'");
    }
    return new String[] {entry.substring(0, eq).trim(), entry.substring(eq + 1)};
  }

  private static Category category(String name) {
    try {
      return Categories.parse(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("neverRetry: " + e.getMessage(), e);
    }
  }

  /** Registers {@code guard} with Pipeline. */
  @Extension
  @Symbol("guard")
  public static final class DescriptorImpl extends StepDescriptor {
    @Override
    public String getFunctionName() {
      return "guard";
    }

    @Override
    public boolean takesImplicitBlockArgument() {
      return true;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
      return Set.of(Run.class, TaskListener.class);
    }

    @Override
    public String getDisplayName() {
      return "Diagnose failures of the body; retry what is transient";
    }
  }
}
