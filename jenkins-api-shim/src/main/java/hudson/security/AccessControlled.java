// Source: jenkinsci/jenkins hudson/security/AccessControlled.java @ jenkins-2.541.3
// Subset: used members; the real checkPermission declares the unchecked
// org.springframework.security.access.AccessDeniedException
package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

public interface AccessControlled {
  default void checkPermission(@NonNull Permission permission) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  default boolean hasPermission(@NonNull Permission permission) {
    throw new UnsupportedOperationException("compile-only shim");
  }
}
