// Source: workflow-step-api-plugin StepExecution.java @ 710.v3e456cc85233
// Subset: used members
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public abstract class StepExecution implements Serializable {
  private final StepContext context;

  protected StepExecution(@NonNull StepContext context) {
    this.context = context;
  }

  public @NonNull StepContext getContext() {
    return context;
  }

  public abstract boolean start() throws Exception;

  public void stop(@NonNull Throwable cause) throws Exception {
    getContext().onFailure(cause);
  }

  public void onResume() {}

  public @CheckForNull String getStatus() {
    return null;
  }

  private static final long serialVersionUID = 1L;
}
