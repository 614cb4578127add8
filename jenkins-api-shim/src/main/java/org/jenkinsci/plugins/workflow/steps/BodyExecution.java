// Source: workflow-step-api-plugin BodyExecution.java @ 710.v3e456cc85233
// Subset: used members
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;
import java.util.Collection;
import java.util.concurrent.Future;

public abstract class BodyExecution implements Future<Object>, Serializable {
  public abstract Collection<StepExecution> getCurrentExecutions();

  public boolean cancel(Throwable t) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  private static final long serialVersionUID = 1L;
}
