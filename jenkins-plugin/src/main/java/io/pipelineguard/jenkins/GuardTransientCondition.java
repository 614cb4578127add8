package io.pipelineguard.jenkins;

import hudson.Extension;
import hudson.model.Run;
import io.pipelineguard.diagnosis.Diagnosis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.flow.ErrorCondition;
import org.jenkinsci.plugins.workflow.flow.ErrorConditionDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code retry(count: 3, conditions: [guardTransient()]) { ... }}: retry only failures the engine
 * diagnoses as transient. Never true for an abort.
 *
 * <p>Cost: {@code retry} calls {@link #test} synchronously on the CPS VM thread, so the read is
 * kept small: the last {@value #MAX_LINES} lines within {@value #MAX_BYTES} bytes of the build's
 * log. Prefer {@code guard}, which diagnoses off that thread and reads only the block's own lines.
 */
public class GuardTransientCondition extends ErrorCondition {
  private static final long serialVersionUID = 1L;

  /** Lines of the log's tail diagnosed. */
  static final int MAX_LINES = 300;

  /** Bytes of the log's tail read at most. */
  static final int MAX_BYTES = 64 * 1024;

  /** Creates the condition; it takes no options. */
  @DataBoundConstructor
  public GuardTransientCondition() {}

  @Override
  public boolean test(Throwable error, StepContext context)
      throws IOException, InterruptedException {
    if (GuardStepExecution.isAbort(error) || context == null) {
      return false;
    }
    Run<?, ?> run = context.get(Run.class);
    List<String> lines = new ArrayList<>();
    if (run != null) {
      long end = run.getLogText().length();
      lines.addAll(JenkinsGuardRuntime.readSince(run, Math.max(0, end - MAX_BYTES), MAX_LINES));
    }
    return judge(error, lines, JenkinsGuardRuntime.get().engine());
  }

  /** Returns whether {@code error}, with the log lines before it, is diagnosed transient. */
  static boolean judge(Throwable error, List<String> lines, GuardEngine engine) {
    if (GuardStepExecution.isAbort(error)) {
      return false;
    }
    List<String> input = new ArrayList<>(lines);
    if (error.getMessage() != null) {
      input.add("ERROR: " + error.getMessage());
    }
    Diagnosis d = engine.diagnose(input);
    return d.transientFailure();
  }

  /** Registers {@code guardTransient()} as a {@code retry} condition. */
  @Extension
  @Symbol("guardTransient")
  public static final class DescriptorImpl extends ErrorConditionDescriptor {
    @Override
    public String getDisplayName() {
      return "Failure diagnosed transient by Pipeline Guard";
    }
  }
}
