// Source: jenkinsci/jenkins jenkins/model/ParameterizedJobMixIn.java @ jenkins-2.541.3
// Subset: static scheduleBuild2 only; the real type parameters also require ParameterizedJob,
// Queue.Task and Queue.Executable; not listed in JENKINS-API.md: the real build's compile checks
// it
package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

public abstract class ParameterizedJobMixIn<
    JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> {
  private ParameterizedJobMixIn() {}

  public static @CheckForNull Queue.Item scheduleBuild2(
      final Job<?, ?> job, int quietPeriod, Action... actions) {
    throw new UnsupportedOperationException("compile-only shim");
  }
}
