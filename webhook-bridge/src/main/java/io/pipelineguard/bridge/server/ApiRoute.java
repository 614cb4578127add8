package io.pipelineguard.bridge.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.pipelineguard.bridge.security.Permission;
import java.util.Objects;

/**
 * One HTTP endpoint of the bridge with what it needs: every route declares its permission (or none,
 * for public routes such as {@code /health} and webhooks, which authenticate themselves). The
 * server registers routes from this list, the access check wraps each protected handler, and the
 * permission matrix test and the OpenAPI description read the same list.
 *
 * @param method HTTP method
 * @param path Javalin path, e.g. {@code /api/metrics/{pipeline_id}}
 * @param permission what the caller needs; null for a public route
 * @param summary one line saying what the endpoint does (used in the OpenAPI description)
 * @param handler the handler
 */
public record ApiRoute(
    HandlerType method, String path, Permission permission, String summary, Handler handler) {
  /** Checks that method, path, summary and handler are present. */
  public ApiRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(handler, "handler");
  }

  /** A protected GET route. */
  public static ApiRoute get(String path, Permission permission, String summary, Handler handler) {
    return new ApiRoute(
        HandlerType.GET, path, Objects.requireNonNull(permission, "permission"), summary, handler);
  }

  /** A protected POST route. */
  public static ApiRoute post(String path, Permission permission, String summary, Handler handler) {
    return new ApiRoute(
        HandlerType.POST, path, Objects.requireNonNull(permission, "permission"), summary, handler);
  }

  /** A protected DELETE route. */
  public static ApiRoute delete(
      String path, Permission permission, String summary, Handler handler) {
    return new ApiRoute(
        HandlerType.DELETE,
        path,
        Objects.requireNonNull(permission, "permission"),
        summary,
        handler);
  }

  /** A public route (authenticating itself, or serving nothing secret). */
  public static ApiRoute open(HandlerType method, String path, String summary, Handler handler) {
    return new ApiRoute(method, path, null, summary, handler);
  }

  /** Returns whether this route needs no credentials. */
  public boolean isPublic() {
    return permission == null;
  }
}
