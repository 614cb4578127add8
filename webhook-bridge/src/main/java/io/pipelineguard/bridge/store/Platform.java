package io.pipelineguard.bridge.store;

import java.util.Locale;

/** A CI platform that sends webhooks to the bridge. Its wire name is used in paths and rows. */
public enum Platform {
  GITHUB("github"),
  GITLAB("gitlab"),
  AZURE_DEVOPS("azure"),
  JENKINS("jenkins");

  private final String wireName;

  Platform(String wireName) {
    this.wireName = wireName;
  }

  /** Returns the lower-case name used in URLs ({@code /webhooks/github}) and store rows. */
  public String wireName() {
    return wireName;
  }

  /**
   * Returns the platform with this wire name.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Platform fromWireName(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    for (Platform platform : values()) {
      if (platform.wireName.equals(lower)) {
        return platform;
      }
    }
    throw new IllegalArgumentException(
        "unknown platform '" + name + "' (known: github, gitlab, azure, jenkins)");
  }
}
