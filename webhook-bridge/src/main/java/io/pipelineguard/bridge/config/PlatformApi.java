package io.pipelineguard.bridge.config;

import java.util.Objects;

/**
 * Where and how the bridge calls one CI platform's API (to fetch logs and run repairs): the base
 * URL, an optional user name (Jenkins) and the token, held as a {@link Secret} so it is never
 * logged. A platform whose token is unset is not called: failures are then recorded for people.
 *
 * @param url API base URL, for example {@code https://api.github.com}, {@code https://gitlab.com},
 *     {@code https://dev.azure.com/ORG}, {@code https://jenkins.example}
 * @param username user name for basic authentication (Jenkins, Azure DevOps optional); may be empty
 * @param token API token; unset disables the platform's API
 */
public record PlatformApi(String url, String username, Secret token) {
  /** Validates the fields; a URL, when given, must be http or https. */
  public PlatformApi {
    url = Objects.requireNonNull(url, "url must not be null").trim();
    username = username == null ? "" : username.trim();
    Objects.requireNonNull(token, "token must not be null");
    if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException("platform API url must start with http(s)://, was " + url);
    }
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
  }

  /** Returns an unconfigured platform API. */
  public static PlatformApi none() {
    return new PlatformApi("", "", Secret.empty());
  }

  /** Returns true when both a URL and a token are configured. */
  public boolean isConfigured() {
    return !url.isEmpty() && token.isSet();
  }

  @Override
  public String toString() {
    return "PlatformApi{url=" + url + ", username=" + username + ", token=" + token + '}';
  }
}
