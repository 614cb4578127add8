// Source: jenkinsci/jenkins jenkins/model/Jenkins.java @ jenkins-2.541.3
// Subset: used members; getItemByFullName's real throws clause names the unchecked
// AccessDeniedException
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;

public class Jenkins implements AccessControlled {
  public static final Permission ADMINISTER = null;

  private Jenkins() {}

  public static @NonNull Jenkins get() throws IllegalStateException {
    throw new IllegalStateException("compile-only shim: no Jenkins here");
  }

  public @NonNull File getRootDir() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public @CheckForNull <T extends Item> T getItemByFullName(
      @NonNull String fullName, Class<T> type) {
    throw new UnsupportedOperationException("compile-only shim");
  }
}
