// Source: jenkinsci/jenkins hudson/model/Cause.java @ jenkins-2.541.3
// Subset: UpstreamCause constructor; not listed in JENKINS-API.md: the real build's compile checks
// it
package hudson.model;

public abstract class Cause {
  Cause() {}

  public static class UpstreamCause extends Cause {
    public UpstreamCause(Run<?, ?> up) {
      throw new UnsupportedOperationException("compile-only shim");
    }
  }
}
