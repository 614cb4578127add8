// Source: jenkinsci/jenkins core/src/main/java/hudson/FilePath.java @ jenkins-2.541.3
// Subset: used members; not listed in JENKINS-API.md (written from core's source, the real build's
// compile checks it); the real class implements
// org.jenkinsci.remoting.SerializableOnlyOverRemoting,
// itself Serializable
package hudson;

import java.io.IOException;
import java.io.Serializable;

public final class FilePath implements Serializable {
  private FilePath() {}

  public String getRemote() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public FilePath child(String relOrAbsolute) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public boolean exists() throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public void deleteRecursive() throws IOException, InterruptedException {
    throw new UnsupportedOperationException("compile-only shim");
  }

  private static final long serialVersionUID = 1L;
}
