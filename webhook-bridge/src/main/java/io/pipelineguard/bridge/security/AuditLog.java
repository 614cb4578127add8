package io.pipelineguard.bridge.security;

import io.pipelineguard.bridge.store.AuditStore;
import io.pipelineguard.bridge.store.Page;
import io.pipelineguard.bridge.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security audit log: who did what, from where. Anyone may {@link #record} an event (the access
 * check, the keys API, the repair loop); admins read it at {@code GET /api/audit}.
 *
 * <p>Bounded: actor and address are cut to {@value #MAX_ACTOR} characters, the detail to {@value
 * #MAX_DETAIL}, line breaks become spaces, and anything shaped like an API key ({@code pg_...}) is
 * replaced by {@code pg_[redacted]}, so a key pasted into a detail never lands in the log. Each
 * event is one insert; a store failure is logged and swallowed (auditing never fails a request).
 */
public final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  /** Longest stored actor and address. */
  public static final int MAX_ACTOR = 64;

  /** Longest stored detail. */
  public static final int MAX_DETAIL = 500;

  // A fixed, linear pattern over our own text: no user-provided regex.
  private static final Pattern KEY_LIKE = Pattern.compile("pg_[A-Za-z0-9_-]{8,}");

  private final AuditStore store;
  private final Clock clock;

  /** Creates the log over {@code store}, stamping events with {@code clock}. */
  public AuditLog(AuditStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  /**
   * Records one event now.
   *
   * @param actor key name, {@code anonymous} or {@code system}; null reads {@code anonymous}
   * @param ip client address; null reads {@code -}
   * @param detail one line; truncated and cleaned of key-shaped text
   */
  public void record(AuditKind kind, String actor, String ip, String detail) {
    Objects.requireNonNull(kind, "kind must not be null");
    try {
      store.insert(
          clock.instant(),
          kind.wireName(),
          clean(actor == null ? "anonymous" : actor, MAX_ACTOR),
          clean(ip == null ? "-" : ip, MAX_ACTOR),
          clean(detail == null ? "" : detail, MAX_DETAIL));
    } catch (StoreException e) {
      LOG.warn("audit event {} by {} not stored: {}", kind.wireName(), actor, e.getMessage());
    }
  }

  /**
   * Deletes events older than {@code retention} before now (compliance.audit_retention_days); a
   * zero retention keeps everything. A store failure is logged and swallowed (the next run
   * retries). Returns the number deleted.
   */
  public int prune(Duration retention) {
    if (retention.isZero()) {
      return 0;
    }
    try {
      int deleted = store.deleteBefore(clock.instant().minus(retention));
      if (deleted > 0) {
        LOG.info("audit log: {} events older than {} days deleted", deleted, retention.toDays());
      }
      return deleted;
    } catch (StoreException e) {
      LOG.warn("audit log not pruned: {}", e.getMessage());
      return 0;
    }
  }

  /** Lists events newest first, like every list of the API. */
  public Page<AuditEvent> page(Long cursor, int limit) {
    return store.page(cursor, limit);
  }

  static String clean(String text, int max) {
    String redacted = KEY_LIKE.matcher(text).replaceAll("pg_[redacted]");
    StringBuilder out = new StringBuilder(Math.min(redacted.length(), max));
    for (int i = 0; i < redacted.length() && out.length() < max; i++) {
      char c = redacted.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    return out.toString();
  }
}
