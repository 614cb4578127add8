// Source: jenkinsci/jenkins hudson/model/ModelObject.java @ jenkins-2.541.3
package hudson.model;

public interface ModelObject {
  String getDisplayName();
}
