package io.pipelineguard.bridge.security;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Tells a browser's cross-site request from a same-site one by its {@code Origin} header, so that a
 * session cookie cannot be used from another site (the WebSocket upgrade, and state-changing API
 * calls authenticated by the cookie). Constant cost.
 */
public final class SameOrigin {
  private SameOrigin() {}

  /**
   * Returns whether a request's {@code Origin} is absent (not a browser) or names the host the
   * request was sent to ({@code host[:port]}, compared without case).
   */
  public static boolean check(String origin, String host) {
    if (origin == null) {
      return true;
    }
    if (host == null) {
      return false;
    }
    try {
      URI uri = new URI(origin);
      if (uri.getHost() == null) {
        return false;
      }
      String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return authority.equalsIgnoreCase(host)
          || (uri.getPort() < 0 && host.equalsIgnoreCase(uri.getHost() + ":" + defaultPort(uri)));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int defaultPort(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
