// Source: workflow-step-api-plugin BodyInvoker.java @ 710.v3e456cc85233
// Subset: used members
package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class BodyInvoker {
  public abstract BodyInvoker withContext(Object override);

  public abstract BodyInvoker withDisplayName(@NonNull String name);

  public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

  public abstract BodyExecution start();
}
