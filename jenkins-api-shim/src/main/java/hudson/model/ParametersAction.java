// Source: jenkinsci/jenkins hudson/model/ParametersAction.java @ jenkins-2.541.3
// Subset: constructor; real class implements RunAction2 and more; not listed in JENKINS-API.md:
// the real build's compile checks it
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

public class ParametersAction implements Action {
  public ParametersAction(@NonNull List<ParameterValue> parameters) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  @Override
  public String getIconFileName() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  @Override
  public String getDisplayName() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  @Override
  public String getUrlName() {
    throw new UnsupportedOperationException("compile-only shim");
  }
}
