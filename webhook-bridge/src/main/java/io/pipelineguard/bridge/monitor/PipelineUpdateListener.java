package io.pipelineguard.bridge.monitor;

/**
 * Told about every new metric point of a pipeline (e.g. to push {@code pipeline_update} and {@code
 * alerts_update} WebSocket messages). Called on the delivery worker thread that recorded the point:
 * return quickly and do not block; exceptions are logged and swallowed.
 */
@FunctionalInterface
public interface PipelineUpdateListener {
  /** Called after a point was recorded and alerts were raised or resolved. */
  void pipelineUpdated(PipelineUpdate update);
}
