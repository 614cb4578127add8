package io.pipelineguard.bridge.processing;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineguard.bridge.store.RunRecord;

/**
 * Told about every run state the delivery workers record, with the payload that reported it (the
 * pipeline monitor measures finished runs this way). Called on a worker thread; must not throw.
 */
@FunctionalInterface
public interface RunObserver {
  /** An observer that does nothing. */
  RunObserver NONE = (run, eventType, body) -> {};

  /** Called after {@code run} was stored from a delivery of {@code eventType}. */
  void runRecorded(RunRecord run, String eventType, JsonNode body);
}
