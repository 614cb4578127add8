// Source: jenkinsci/jenkins hudson/model/ParameterValue.java @ jenkins-2.541.3
// Subset: type only; not listed in JENKINS-API.md: the real build's compile checks it
package hudson.model;

import java.io.Serializable;

public abstract class ParameterValue implements Serializable {
  ParameterValue() {}

  private static final long serialVersionUID = 1L;
}
