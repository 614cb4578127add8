// Source: jenkinsci/jenkins core/src/main/java/hudson/model/Item.java @ jenkins-2.541.3 (used
// members)
package hudson.model;

public interface Item {
  String getFullName();

  String getFullDisplayName();
}
