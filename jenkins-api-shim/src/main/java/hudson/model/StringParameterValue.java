// Source: jenkinsci/jenkins hudson/model/StringParameterValue.java @ jenkins-2.541.3
// Subset: constructor; not listed in JENKINS-API.md: the real build's compile checks it
package hudson.model;

import org.kohsuke.stapler.DataBoundConstructor;

public class StringParameterValue extends ParameterValue {
  @DataBoundConstructor
  public StringParameterValue(String name, String value) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  private static final long serialVersionUID = 1L;
}
