// Source: jenkinsci/jenkins hudson/model/Actionable.java @ jenkins-2.541.3
// Subset: used members
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Actionable {
  public void addAction(@NonNull Action a) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public <T extends Action> T getAction(Class<T> type) {
    throw new UnsupportedOperationException("compile-only shim");
  }
}
