package io.pipelineguard.bridge.store;

/**
 * Where a stored delivery is in its life: {@code PENDING} (acknowledged, waiting for a worker),
 * {@code PROCESSING} (claimed by a worker), {@code PROCESSED} (done) or {@code FAILED} (the
 * processor threw; kept with its error for an operator, not retried automatically).
 */
public enum DeliveryStatus {
  PENDING,
  PROCESSING,
  PROCESSED,
  FAILED
}
