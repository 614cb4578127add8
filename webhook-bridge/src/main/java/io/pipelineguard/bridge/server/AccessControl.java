package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.pipelineguard.bridge.security.Permission;

/**
 * Decides whether a request may call an endpoint that needs a permission. Called before every
 * protected handler (see {@link ApiRoute}); public routes skip it.
 */
interface AccessControl {
  /**
   * Returns normally when the request's credentials grant {@code required}.
   *
   * @throws io.javalin.http.HttpResponseException 401 without valid credentials, 403 when they do
   *     not grant {@code required}, 429 when rate-limited, 503 when access is not configured
   */
  void authorize(Context ctx, Permission required);
}
