// Source: jenkinsci/jenkins hudson/model/Job.java @ jenkins-2.541.3
// Subset: used members; the real class extends AbstractItem, which implements Item
package hudson.model;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
    implements Item {
  private Job() {}
}
