// Source: workflow-step-api-plugin FlowInterruptedException.java @ 710.v3e456cc85233
// Subset: used members
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Arrays;
import java.util.List;
import jenkins.model.CauseOfInterruption;

public final class FlowInterruptedException extends InterruptedException {
  private final @NonNull Result result;
  private final @NonNull List<CauseOfInterruption> causes;
  private boolean actualInterruption;

  public FlowInterruptedException(
      @NonNull Result result, boolean actualInterruption, @NonNull CauseOfInterruption... causes) {
    this.result = result;
    this.causes = Arrays.asList(causes);
    this.actualInterruption = actualInterruption;
  }

  public @NonNull Result getResult() {
    return result;
  }

  public @NonNull List<CauseOfInterruption> getCauses() {
    return causes;
  }

  public boolean isActualInterruption() {
    return actualInterruption;
  }

  public void handle(Run<?, ?> run, TaskListener listener) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  private static final long serialVersionUID = 630482382622970136L;
}
