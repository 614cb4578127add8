// Source: jenkinsci/jenkins hudson/model/Queue.java @ jenkins-2.541.3
// Subset: nested Item type only; from the core sources as remembered, not listed in JENKINS-
// API.md: the real build's compile checks it
package hudson.model;

public class Queue {
  private Queue() {}

  public abstract static class Item extends Actionable {
    private Item() {}
  }
}
