package io.pipelineguard.monitor;

import java.util.Locale;

/** How urgent an alert is. */
public enum AlertSeverity {
  /** Worth a look. */
  WARNING,
  /** Needs someone now: a critical pipeline, or a critical health score. */
  CRITICAL;

  /** Returns the lower-case name used in JSON. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
