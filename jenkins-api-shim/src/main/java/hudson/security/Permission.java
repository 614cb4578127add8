// Source: jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java @ jenkins-2.541.3
// (type only)
package hudson.security;

public final class Permission {
  private Permission() {}
}
