// Source: jenkinsci/jenkins hudson/util/Secret.java @ jenkins-2.541.3
// Subset: used members; not listed in JENKINS-API.md: the real build's compile checks it
package hudson.util;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Secret implements Serializable {
  private Secret() {}

  @NonNull
  public String getPlainText() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  @NonNull
  public static Secret fromString(@CheckForNull String data) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  @NonNull
  public static String toString(@CheckForNull Secret s) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  private static final long serialVersionUID = 1L;
}
