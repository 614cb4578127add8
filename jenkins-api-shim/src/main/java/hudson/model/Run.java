// Source: jenkinsci/jenkins hudson/model/Run.java @ jenkins-2.541.3
// Subset: used members
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.console.AnnotatedLargeText;
import java.io.IOException;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    extends Actionable {
  private Run() {}

  public @CheckForNull Result getResult() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public int getNumber() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public long getDuration() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public final long getTimeInMillis() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public @NonNull JobT getParent() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public @NonNull String getExternalizableId() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public @NonNull String getUrl() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public synchronized void save() throws IOException {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public @NonNull AnnotatedLargeText<RunT> getLogText() {
    throw new UnsupportedOperationException("compile-only shim");
  }
}
