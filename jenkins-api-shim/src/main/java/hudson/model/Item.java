// Source: jenkinsci/jenkins hudson/model/Item.java @ jenkins-2.541.3
// Subset: used members
package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

public interface Item extends AccessControlled {
  Permission BUILD = null;

  String getFullName();

  String getFullDisplayName();
}
