package io.pipelineguard.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.Secret;
import io.pipelineguard.repair.NamedPolicies;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Pipeline Guard's settings on Manage Jenkins → System: whether guards may act, the default repair
 * policy, and an optional bridge to share learning with. Saved to {@code
 * $JENKINS_HOME/io.pipelineguard.jenkins.GuardGlobalConfiguration.xml}.
 */
@Extension
@Symbol("pipelineGuard")
public class GuardGlobalConfiguration extends GlobalConfiguration {
  private boolean autoRepair = true;
  private String defaultPolicy = GuardSettings.DEFAULT_POLICY;
  private String bridgeUrl = "";
  private Secret bridgeApiKey;
  private String customPolicies = "";

  /** Created by Jenkins; loads the saved settings. */
  public GuardGlobalConfiguration() {
    load();
  }

  /** Returns the controller's configuration. Requires a running Jenkins. */
  public static GuardGlobalConfiguration get() {
    return ExtensionList.lookupSingleton(GuardGlobalConfiguration.class);
  }

  /** Returns whether guards may retry and roll back (otherwise they only diagnose: dry run). */
  public boolean isAutoRepair() {
    return autoRepair;
  }

  @DataBoundSetter
  public void setAutoRepair(boolean autoRepair) {
    this.autoRepair = autoRepair;
    save();
  }

  /** Returns the repair policy of guards that name none. */
  public String getDefaultPolicy() {
    return defaultPolicy;
  }

  @DataBoundSetter
  public void setDefaultPolicy(String defaultPolicy) {
    // Only the shape: the name may be a custom policy saved in the same form, in any order.
    // A guard naming no policy fails at its start if this one turns out unknown.
    GuardSettings.custom().policy(defaultPolicy);
    this.defaultPolicy = defaultPolicy;
    save();
  }

  /** Returns the URL of a Pipeline Guard bridge to share learning with; empty for none. */
  public String getBridgeUrl() {
    return bridgeUrl;
  }

  @DataBoundSetter
  public void setBridgeUrl(String bridgeUrl) {
    String url = bridgeUrl == null ? "" : bridgeUrl.trim();
    if (!url.isEmpty() && !url.matches("https?://[^\\s]{1,2000}")) {
      throw new IllegalArgumentException("bridgeUrl must be an http(s) URL, was '" + url + "'");
    }
    this.bridgeUrl = url;
    save();
  }

  /** Returns the bridge's API key, encrypted at rest by Jenkins. */
  public Secret getBridgeApiKey() {
    return bridgeApiKey;
  }

  @DataBoundSetter
  public void setBridgeApiKey(Secret bridgeApiKey) {
    this.bridgeApiKey = bridgeApiKey;
    save();
  }

  /** Returns the administrator's repair policies, one {@code name: key=value ...} per line. */
  public String getCustomPolicies() {
    return customPolicies == null ? "" : customPolicies;
  }

  /**
   * Sets the administrator's repair policies, checked at once: a line that does not parse is
   * refused with a message naming it, and nothing is saved.
   */
  @DataBoundSetter
  public void setCustomPolicies(String customPolicies) {
    String text = customPolicies == null ? "" : customPolicies.strip();
    NamedPolicies.builtInPlus(text);
    this.customPolicies = text;
    save();
  }

  @Override
  public String getDisplayName() {
    return "Pipeline Guard";
  }
}
