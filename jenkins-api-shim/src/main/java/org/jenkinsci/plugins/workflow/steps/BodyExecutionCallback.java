// Source: jenkinsci/workflow-step-api-plugin
// src/main/java/org/jenkinsci/plugins/workflow/steps/BodyExecutionCallback.java @ 710.v3e456cc85233
// (used members)
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class BodyExecutionCallback implements Serializable {
  public void onStart(StepContext context) {}

  public abstract void onSuccess(StepContext context, Object result);

  public abstract void onFailure(StepContext context, Throwable t);

  private static final long serialVersionUID = 1L;
}
