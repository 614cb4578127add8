package io.pipelineguard.bridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.config.SecurityConfig;
import io.pipelineguard.bridge.security.AuditKind;
import io.pipelineguard.bridge.security.AuditLog;
import io.pipelineguard.bridge.security.Authentication;
import io.pipelineguard.bridge.security.Authenticator;
import io.pipelineguard.bridge.security.Permissions;
import io.pipelineguard.bridge.security.Principal;
import io.pipelineguard.bridge.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dashboard sessions: {@code POST /api/session} with {@code {"api_key":"pg_..."}} opens one and
 * sets the {@code pg_session} cookie (HttpOnly, SameSite=Strict, Path=/, Max-Age from {@code
 * security.session_timeout_minutes}, Secure when {@code security.cookie_secure}); {@code GET
 * /api/session} says who the caller is; {@code DELETE /api/session} logs out. Only a hash of the
 * token is stored.
 */
final class SessionApi {
  private final Authenticator authenticator;
  private final SessionStore sessions;
  private final KeyAccessControl access;
  private final AuditLog audit;
  private final SecurityConfig config;
  private final Clock clock;

  SessionApi(
      Authenticator authenticator,
      SessionStore sessions,
      KeyAccessControl access,
      AuditLog audit,
      SecurityConfig config,
      Clock clock) {
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.access = access;
    this.audit = audit;
    this.config = config;
    this.clock = clock;
  }

  /** Returns the session routes. */
  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.open(
            HandlerType.POST,
            "/api/session",
            "Dashboard login: exchanges an API key for a session cookie",
            this::login),
        ApiRoute.get(
            "/api/session",
            Permissions.SESSION_READ,
            "Who the caller is: key name, role, permissions, session expiry",
            this::whoAmI),
        ApiRoute.open(
            HandlerType.DELETE,
            "/api/session",
            "Dashboard logout (clears the cookie)",
            this::logout));
  }

  void login(Context ctx) {
    access.limitAddress(ctx);
    JsonNode body = JsonBodies.object(ctx);
    String key = JsonBodies.text(body, "api_key");
    if (key == null || key.isEmpty()) {
      throw new HttpResponseException(
          HttpStatus.BAD_REQUEST.getCode(), "body must be {\"api_key\":\"pg_...\"}");
    }
    Authentication auth = authenticator.byKey(key);
    if (!auth.authenticated()) {
      access.refuse(ctx, auth.failure());
    }
    Principal principal = auth.principal();
    Instant now = clock.instant();
    Duration ttl = Duration.ofMinutes(config.sessionTimeoutMinutes());
    Instant expires = now.plus(ttl);
    String token = sessions.open(principal.keyId(), now, expires);
    ctx.header("Set-Cookie", cookie(token, ttl.toSeconds()));
    audit.record(
        AuditKind.LOGIN, principal.name(), KeyAccessControl.clientIp(ctx), "session opened");
    ctx.json(describe(new Authentication(principal, null, expires)));
  }

  void whoAmI(Context ctx) {
    ctx.json(describe(KeyAccessControl.authentication(ctx)));
  }

  void logout(Context ctx) {
    access.limitAddress(ctx);
    String token = ctx.cookie(KeyAccessControl.SESSION_COOKIE);
    if (token != null && !token.isEmpty()) {
      Authentication auth = authenticator.authenticate(null, token);
      if (sessions.close(token) && auth.authenticated()) {
        audit.record(
            AuditKind.LOGOUT,
            auth.principal().name(),
            KeyAccessControl.clientIp(ctx),
            "session closed");
      }
    }
    ctx.header("Set-Cookie", cookie("", 0));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private String cookie(String token, long maxAgeSeconds) {
    return KeyAccessControl.SESSION_COOKIE
        + "="
        + token
        + "; Path=/; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; SameSite=Strict"
        + (config.cookieSecure() ? "; Secure" : "");
  }

  private static Map<String, Object> describe(Authentication auth) {
    Principal principal = auth.principal();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", principal.name());
    body.put("role", principal.role().wireName());
    body.put("permissions", principal.permissionNames());
    body.put("key_id", principal.keyId());
    body.put("expires_at", Paging.iso(auth.sessionExpiresAt()));
    return body;
  }
}
