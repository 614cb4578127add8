package io.pipelineguard.bridge.server;

import io.javalin.http.Context;

/**
 * Sets the security headers on every response (a before-handler, so errors carry them too): a
 * Content-Security-Policy without inline scripts, no MIME sniffing, no framing, no referrer, and
 * {@code Cache-Control: no-store} on {@code /api/*}.
 */
final class SecurityHeaders {
  /** The Content-Security-Policy sent with every response. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; "
          + "form-action 'self'";

  /** The headers every response carries (also set on the dashboard's static files). */
  static final java.util.Map<String, String> ON_EVERY_RESPONSE =
      java.util.Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer");

  private SecurityHeaders() {}

  /** Adds the headers to {@code ctx}'s response. */
  static void apply(Context ctx) {
    ON_EVERY_RESPONSE.forEach(ctx::header);
    if (ctx.path().startsWith("/api/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }
}
