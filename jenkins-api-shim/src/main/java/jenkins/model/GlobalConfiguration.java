// Source: jenkinsci/jenkins jenkins/model/GlobalConfiguration.java @ jenkins-2.541.3
// Subset: used members
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
    implements ExtensionPoint, Describable<GlobalConfiguration> {
  @SuppressWarnings("unchecked")
  protected GlobalConfiguration() {
    super(self());
  }

  @Override
  public final Descriptor<GlobalConfiguration> getDescriptor() {
    return this;
  }
}
