package io.pipelineguard.bridge.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.security.AuditKind;
import io.pipelineguard.bridge.security.AuditLog;
import io.pipelineguard.bridge.security.Authentication;
import io.pipelineguard.bridge.security.Authenticator;
import io.pipelineguard.bridge.security.Permission;
import io.pipelineguard.bridge.security.Principal;
import io.pipelineguard.bridge.security.RateLimiter;
import io.pipelineguard.bridge.security.SameOrigin;
import io.pipelineguard.bridge.store.ApiKeyStore;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The access check of every protected route, in this order: the client address's rate limit, the
 * credentials ({@code X-API-Key} header, else the {@code pg_session} cookie, else, only when
 * enabled, the {@code api_key} query parameter), the key's rate limit, then the permission.
 *
 * <p>Answers 503 while no credential exists at all (no bootstrap key, no stored key), 401 for
 * missing or refused credentials (a refused one is audited and counts as a violation of the
 * address, so guessing keys gets the address blocked), 403 naming the permission needed (audited),
 * 429 with {@code Retry-After} when a limit is exceeded or the key or address is blocked (a new
 * block is audited). The client address is the socket's remote address, or, behind a configured
 * trusted proxy, the hop its {@code X-Forwarded-For} names ({@link #clientIp}). Costs one or two
 * indexed queries and a synchronized map access.
 */
final class KeyAccessControl implements AccessControl {
  /** Request attribute holding the {@link Authentication} of an authorized request. */
  static final String AUTHENTICATION = "pipelineguard.authentication";

  /** The dashboard's session cookie. */
  static final String SESSION_COOKIE = "pg_session";

  private final Authenticator authenticator;
  private final ApiKeyStore keys;
  private final RateLimiter limiter;
  private final AuditLog audit;
  private final boolean allowQueryKey;
  private final AtomicBoolean keysExist = new AtomicBoolean();

  KeyAccessControl(
      Authenticator authenticator,
      ApiKeyStore keys,
      RateLimiter limiter,
      AuditLog audit,
      boolean allowQueryKey) {
    this.authenticator = Objects.requireNonNull(authenticator);
    this.keys = Objects.requireNonNull(keys);
    this.limiter = Objects.requireNonNull(limiter);
    this.audit = Objects.requireNonNull(audit);
    this.allowQueryKey = allowQueryKey;
  }

  @Override
  public void authorize(Context ctx, Permission required) {
    String ip = clientIp(ctx);
    limit(ctx, "ip:" + ip, "anonymous", ip);
    Authentication auth = authenticator.authenticate(apiKey(ctx), ctx.cookie(SESSION_COOKIE));
    if (!auth.authenticated()) {
      if (!configured()) {
        throw new HttpResponseException(
            HttpStatus.SERVICE_UNAVAILABLE.getCode(),
            "no API key exists yet: stop the server and run `pipeline-guard keys create --name"
                + " admin --role admin`, or set PIPELINE_GUARD_ADMIN_KEY (see docs/security.md)");
      }
      if (auth.failure() != null) {
        refuse(ctx, auth.failure());
      }
      throw new HttpResponseException(
          HttpStatus.UNAUTHORIZED.getCode(),
          "missing credentials: send an API key in the X-API-Key header, or log in");
    }
    Principal principal = auth.principal();
    if (auth.sessionExpiresAt() != null && changesState(ctx) && !sameSite(ctx)) {
      audit.record(
          AuditKind.PERMISSION_DENIED,
          principal.name(),
          ip,
          ctx.method() + " " + ctx.path() + " from another site (Origin " + origin(ctx) + ")");
      throw new HttpResponseException(
          HttpStatus.FORBIDDEN.getCode(),
          "cross-site request refused: a session cookie only acts from the dashboard's own site");
    }
    limit(ctx, principal.rateSubject(), principal.name(), ip);
    if (!principal.grants(required)) {
      audit.record(
          AuditKind.PERMISSION_DENIED,
          principal.name(),
          ip,
          ctx.method() + " " + ctx.path() + " needs " + required);
      throw new HttpResponseException(
          HttpStatus.FORBIDDEN.getCode(),
          "key '"
              + principal.name()
              + "' (role "
              + principal.role().wireName()
              + ") lacks the permission '"
              + required
              + "'");
    }
    ctx.attribute(AUTHENTICATION, auth);
  }

  /** A request that may change something (anything but GET, HEAD and OPTIONS). */
  private static boolean changesState(Context ctx) {
    String method = ctx.method().name();
    return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
  }

  /** The request's Origin (or, without one, Referer) names this host; absent counts as same. */
  private static boolean sameSite(Context ctx) {
    return SameOrigin.check(origin(ctx), ctx.header("Host"));
  }

  private static String origin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin != null) {
      return origin;
    }
    String referer = ctx.header("Referer");
    if (referer == null) {
      return null;
    }
    int path = referer.indexOf('/', referer.indexOf("//") + 2);
    return path < 0 ? referer : referer.substring(0, path);
  }

  /** Returns the authentication of a request that passed {@link #authorize}. */
  static Authentication authentication(Context ctx) {
    Authentication auth = ctx.attribute(AUTHENTICATION);
    if (auth == null) {
      throw new IllegalStateException("route reached without the access check: " + ctx.path());
    }
    return auth;
  }

  /** Applies the address's rate limit to a public route that checks credentials (login). */
  void limitAddress(Context ctx) {
    String ip = clientIp(ctx);
    limit(ctx, "ip:" + ip, "anonymous", ip);
  }

  /**
   * Audits refused credentials, counts a violation against the address and answers 401.
   *
   * @throws HttpResponseException always
   */
  void refuse(Context ctx, String reason) {
    String ip = clientIp(ctx);
    audit.record(
        AuditKind.AUTH_FAILURE, "anonymous", ip, ctx.method() + " " + ctx.path() + ": " + reason);
    if (limiter.violation("ip:" + ip)) {
      audit.record(
          AuditKind.BLOCKED, "ip:" + ip, ip, "blocked after repeated failed authentication");
    }
    throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), reason);
  }

  /** Request attribute holding the client address the server resolved for this request. */
  static final String CLIENT_IP = "pipelineguard.client_ip";

  /**
   * Returns the client address: the one the server's {@link
   * io.pipelineguard.bridge.security.ClientAddress} resolved before routing (the TCP peer unless it
   * is a trusted proxy), else the TCP peer.
   */
  static String clientIp(Context ctx) {
    String resolved = ctx.attribute(CLIENT_IP);
    if (resolved != null) {
      return resolved;
    }
    String ip = ctx.req().getRemoteAddr();
    return ip == null ? "unknown" : ip;
  }

  private void limit(Context ctx, String subject, String actor, String ip) {
    RateLimiter.Decision decision = limiter.acquire(subject);
    if (decision.allowed()) {
      return;
    }
    if (decision.blockedNow()) {
      audit.record(AuditKind.BLOCKED, actor, ip, subject + " blocked after repeated violations");
    }
    ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
    throw new HttpResponseException(
        HttpStatus.TOO_MANY_REQUESTS.getCode(),
        (subject.startsWith("ip:") ? "this address" : "this key")
            + " is rate-limited or blocked; retry after "
            + decision.retryAfterSeconds()
            + " s");
  }

  private String apiKey(Context ctx) {
    String key = ctx.header("X-API-Key");
    if ((key == null || key.isEmpty()) && allowQueryKey) {
      key = ctx.queryParam("api_key");
    }
    return key;
  }

  private boolean configured() {
    if (authenticator.hasBootstrapKey() || keysExist.get()) {
      return true;
    }
    boolean exist = keys.hasActiveKeys();
    if (exist) {
      keysExist.set(true);
    }
    return exist;
  }
}
