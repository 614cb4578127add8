// Source: jenkinsci/jenkins hudson/model/Action.java @ jenkins-2.541.3
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public interface Action extends ModelObject {
  @CheckForNull
  String getIconFileName();

  @Override
  @CheckForNull
  String getDisplayName();

  @CheckForNull
  String getUrlName();
}
