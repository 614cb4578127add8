// Source: jenkinsci/jenkins hudson/model/CauseAction.java @ jenkins-2.541.3
// Subset: constructor; real class implements FoldableAction, RunAction2; not listed in JENKINS-
// API.md: the real build's compile checks it
package hudson.model;

public class CauseAction implements Action {
  public CauseAction(Cause c) {
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
