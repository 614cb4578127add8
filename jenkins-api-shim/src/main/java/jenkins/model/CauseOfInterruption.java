// Source: jenkinsci/jenkins jenkins/model/CauseOfInterruption.java @ jenkins-2.541.3
// Subset: used members
package jenkins.model;

import java.io.Serializable;

public abstract class CauseOfInterruption implements Serializable {
  public abstract String getShortDescription();

  private static final long serialVersionUID = 1L;
}
