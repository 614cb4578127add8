// Source: jenkinsci/workflow-api-plugin ErrorCondition.java @ 1398.v67030756d3fb_
// Subset: not listed in JENKINS-API.md: the real build's compile checks it
package org.jenkinsci.plugins.workflow.flow;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.plugins.workflow.steps.StepContext;

public abstract class ErrorCondition extends AbstractDescribableImpl<ErrorCondition>
    implements ExtensionPoint, Serializable {
  public abstract boolean test(@NonNull Throwable error, @CheckForNull StepContext context)
      throws IOException, InterruptedException;

  @Override
  public ErrorConditionDescriptor getDescriptor() {
    return (ErrorConditionDescriptor) super.getDescriptor();
  }

  private static final long serialVersionUID = 1L;
}
