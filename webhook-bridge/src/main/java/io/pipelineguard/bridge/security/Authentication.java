package io.pipelineguard.bridge.security;

import java.time.Instant;

/**
 * The result of checking a request's credentials: none were sent, they failed (with a short reason
 * safe to show), or they identify a principal.
 *
 * @param principal who the request acts as; null unless authenticated
 * @param failure why the credentials were refused; null unless they failed
 * @param sessionExpiresAt when the session used expires; null when a key was sent directly
 */
public record Authentication(Principal principal, String failure, Instant sessionExpiresAt) {
  private static final Authentication NONE = new Authentication(null, null, null);

  /** No credentials were sent. */
  public static Authentication none() {
    return NONE;
  }

  /** Credentials were sent but refused, for {@code reason}. */
  public static Authentication failed(String reason) {
    return new Authentication(null, reason, null);
  }

  /** Returns whether a principal was identified. */
  public boolean authenticated() {
    return principal != null;
  }
}
