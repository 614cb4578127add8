package io.pipelineguard.bridge.security;

import io.pipelineguard.bridge.config.Secret;
import io.pipelineguard.bridge.store.ApiKeyStore;
import io.pipelineguard.bridge.store.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns credentials into a {@link Principal}: the bootstrap admin key ({@code api.admin_key},
 * compared in constant time; a superuser), a stored API key (looked up by hash), or a dashboard
 * session token. Revoked keys and expired sessions are refused. A key's {@code last_used_at} is
 * written at most once a minute per key. Costs one or two indexed queries per call.
 */
public final class Authenticator {
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
  private static final int MAX_TOUCHED = 10_000;

  private final Secret bootstrapKey;
  private final ApiKeyStore keys;
  private final SessionStore sessions;
  private final Clock clock;
  private final Map<Long, Instant> lastTouched = new ConcurrentHashMap<>();

  /** Creates the authenticator; {@code bootstrapKey} may be unset. */
  public Authenticator(Secret bootstrapKey, ApiKeyStore keys, SessionStore sessions, Clock clock) {
    this.bootstrapKey = Objects.requireNonNull(bootstrapKey, "bootstrapKey must not be null");
    this.keys = Objects.requireNonNull(keys, "keys must not be null");
    this.sessions = Objects.requireNonNull(sessions, "sessions must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /** Returns whether a bootstrap key is configured. */
  public boolean hasBootstrapKey() {
    return bootstrapKey.isSet();
  }

  /**
   * Checks what was sent: an API key when present (it wins), else a session token.
   *
   * @param apiKey the key sent, or null
   * @param sessionToken the session cookie, or null
   */
  public Authentication authenticate(String apiKey, String sessionToken) {
    if (apiKey != null && !apiKey.isEmpty()) {
      return byKey(apiKey);
    }
    if (sessionToken != null && !sessionToken.isEmpty()) {
      return bySession(sessionToken);
    }
    return Authentication.none();
  }

  /** Checks an API key alone (dashboard login). */
  public Authentication byKey(String apiKey) {
    if (bootstrapKey.matches(apiKey)) {
      return new Authentication(Principal.bootstrap(), null, null);
    }
    if (!SecretTokens.isApiKeyShaped(apiKey)) {
      return Authentication.failed("malformed API key");
    }
    Optional<ApiKey> key = keys.findBySecret(apiKey);
    if (key.isEmpty()) {
      return Authentication.failed("unknown API key");
    }
    if (!key.get().active()) {
      return Authentication.failed("revoked API key");
    }
    touch(key.get().id());
    return new Authentication(key.get().principal(), null, null);
  }

  private Authentication bySession(String token) {
    if (!SecretTokens.isSessionTokenShaped(token)) {
      return Authentication.failed("malformed session cookie");
    }
    Optional<SessionStore.Session> session = sessions.find(token, clock.instant());
    if (session.isEmpty()) {
      return Authentication.failed("session expired or logged out");
    }
    Long keyId = session.get().keyId();
    if (keyId == null) {
      return bootstrapKey.isSet()
          ? new Authentication(Principal.bootstrap(), null, session.get().expiresAt())
          : Authentication.failed("the bootstrap key of this session is no longer configured");
    }
    Optional<ApiKey> key = keys.find(keyId);
    if (key.isEmpty() || !key.get().active()) {
      return Authentication.failed("the key of this session was revoked");
    }
    touch(keyId);
    return new Authentication(key.get().principal(), null, session.get().expiresAt());
  }

  private void touch(long keyId) {
    Instant now = clock.instant();
    Instant last = lastTouched.get(keyId);
    if (last != null && now.isBefore(last.plus(TOUCH_INTERVAL))) {
      return;
    }
    if (lastTouched.size() >= MAX_TOUCHED) {
      lastTouched.clear();
    }
    lastTouched.put(keyId, now);
    keys.touch(keyId, now);
  }
}
