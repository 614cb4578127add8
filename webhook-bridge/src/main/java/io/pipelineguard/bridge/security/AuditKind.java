package io.pipelineguard.bridge.security;

import java.util.Locale;

/** What a security audit event records. */
public enum AuditKind {
  /** Credentials were sent but were unknown, revoked or expired. */
  AUTH_FAILURE,
  /** Valid credentials lacked the permission an endpoint needs. */
  PERMISSION_DENIED,
  /** A key or client address was blocked after repeated violations. */
  BLOCKED,
  /** An API key was created. */
  KEY_CREATED,
  /** An API key was revoked. */
  KEY_REVOKED,
  /** A dashboard session was opened. */
  LOGIN,
  /** A dashboard session was closed. */
  LOGOUT,
  /** A repair was carried out on a platform (re-run, rollback). */
  REPAIR_EXECUTED;

  /** Returns the lowercase name stored and shown in {@code GET /api/audit}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
