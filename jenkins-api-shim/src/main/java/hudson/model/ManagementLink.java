// Source: jenkinsci/jenkins hudson/model/ManagementLink.java @ jenkins-2.541.3
// Subset: used members
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.security.Permission;
import jenkins.model.Jenkins;

public abstract class ManagementLink implements ExtensionPoint, Action {
  @Override
  public abstract @CheckForNull String getIconFileName();

  @Override
  public abstract @CheckForNull String getUrlName();

  public String getDescription() {
    return "";
  }

  public boolean getRequiresPOST() {
    return false;
  }

  public @NonNull Permission getRequiredPermission() {
    return Jenkins.ADMINISTER;
  }

  public @NonNull Category getCategory() {
    return Category.UNCATEGORIZED;
  }

  public enum Category {
    CONFIGURATION,
    SECURITY,
    STATUS,
    TROUBLESHOOTING,
    TOOLS,
    MISC,
    UNCATEGORIZED
  }
}
