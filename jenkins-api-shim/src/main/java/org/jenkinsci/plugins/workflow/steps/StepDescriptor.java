// Source: workflow-step-api-plugin StepDescriptor.java @ 710.v3e456cc85233
// Subset: used members
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
  public abstract Set<? extends Class<?>> getRequiredContext();

  public abstract String getFunctionName();

  public boolean takesImplicitBlockArgument() {
    return false;
  }
}
