package io.pipelineguard.bridge.live;

import io.javalin.http.Context;

/**
 * Decides whether a WebSocket upgrade request to {@code /ws} may proceed. Runs before the upgrade
 * with the HTTP request (headers and cookies: the dashboard's session cookie travels with the
 * browser's upgrade request; other clients may send {@code X-API-Key}).
 */
@FunctionalInterface
public interface WsAuthenticator {
  /**
   * Returns normally when the upgrade may proceed.
   *
   * @throws io.javalin.http.HttpResponseException 401 or 403 (or 503 when access is not configured)
   *     to refuse the upgrade with that status
   */
  void authorize(Context upgradeRequest);
}
