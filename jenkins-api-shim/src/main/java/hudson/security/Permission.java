// Source: jenkinsci/jenkins hudson/security/Permission.java @ jenkins-2.541.3
// Subset: type only
package hudson.security;

public final class Permission {
  private Permission() {}
}
