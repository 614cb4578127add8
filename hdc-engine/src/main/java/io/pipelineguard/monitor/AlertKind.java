package io.pipelineguard.monitor;

import java.util.Locale;

/** Why an alert is raised. */
public enum AlertKind {
  /** Runs take much longer than usual ({@link DurationAnomalyDetector}). */
  DURATION_ANOMALY,
  /** Too many recent runs failed ({@link FailureRateMonitor}). */
  FAILURE_RATE,
  /** The health score fell below the critical threshold. */
  HEALTH_CRITICAL,
  /** Several runs in a row failed. */
  REPEATED_FAILURE;

  /** Returns the lower-case name used in JSON ({@code duration_anomaly}, ...). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the kind with this wire name. */
  public static AlertKind fromWireName(String name) {
    for (AlertKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown alert kind: " + name);
  }
}
