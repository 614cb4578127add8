package io.pipelineguard.monitor;

import java.util.Locale;

/** What a health score means: healthy, warning, critical, or unknown (too few runs to say). */
public enum HealthStatus {
  /** Score at or above the warning threshold. */
  HEALTHY,
  /** Score below the warning threshold, at or above the critical one. */
  WARNING,
  /** Score below the critical threshold. */
  CRITICAL,
  /** Fewer runs than the settings' minimum: no score is claimed. */
  UNKNOWN;

  /** Returns the lower-case name used in JSON ({@code healthy}, ...). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
