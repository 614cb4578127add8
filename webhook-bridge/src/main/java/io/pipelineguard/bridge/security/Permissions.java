package io.pipelineguard.bridge.security;

/** The permissions API endpoints declare; roles grant them, possibly through wildcards. */
public final class Permissions {
  /** System overview ({@code GET /api/status}). */
  public static final Permission STATUS_READ = Permission.of("status:read");

  /** Pipelines and their health, metrics and exports. */
  public static final Permission PIPELINES_READ = Permission.of("pipelines:read");

  /** Registering and changing pipelines. */
  public static final Permission PIPELINES_WRITE = Permission.of("pipelines:write");

  /** Active and past alerts. */
  public static final Permission ALERTS_READ = Permission.of("alerts:read");

  /** Diagnoses of failed jobs, with their evidence. */
  public static final Permission DIAGNOSES_READ = Permission.of("diagnoses:read");

  /** Correcting a diagnosis (the engine learns from it). */
  public static final Permission FEEDBACK_WRITE = Permission.of("feedback:write");

  /** Repair history. */
  public static final Permission REPAIRS_READ = Permission.of("repairs:read");

  /** Approving or executing repairs. */
  public static final Permission REPAIRS_EXECUTE = Permission.of("repairs:execute");

  /** Raw deliveries, runs and intake counters (operators' troubleshooting views). */
  public static final Permission DELIVERIES_READ = Permission.of("deliveries:read");

  /** The security audit log. */
  public static final Permission AUDIT_READ = Permission.of("audit:read");

  /** Listing API keys (never their secrets). */
  public static final Permission KEYS_READ = Permission.of("keys:read");

  /** Creating and revoking API keys. */
  public static final Permission KEYS_WRITE = Permission.of("keys:write");

  /** Reading one's own identity ({@code GET /api/session}); every role has it. */
  public static final Permission SESSION_READ = Permission.of("session:read");

  private Permissions() {}
}
