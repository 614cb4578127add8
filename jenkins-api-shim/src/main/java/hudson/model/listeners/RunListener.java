// Source: jenkinsci/jenkins hudson/model/listeners/RunListener.java @ jenkins-2.541.3
// Subset: used members
package hudson.model.listeners;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

@SuppressWarnings("rawtypes")
public abstract class RunListener<R extends Run> implements ExtensionPoint {
  protected RunListener() {}

  public void onCompleted(R r, @NonNull TaskListener listener) {}

  public void onFinalized(R r) {}
}
