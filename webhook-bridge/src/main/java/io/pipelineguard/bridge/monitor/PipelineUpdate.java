package io.pipelineguard.bridge.monitor;

import io.pipelineguard.bridge.store.StoredAlert;
import io.pipelineguard.monitor.PipelineHealth;
import java.util.List;

/**
 * What changed for a pipeline after a new metric point: its health now, and the alerts raised and
 * resolved by that point.
 *
 * @param pipelineId the pipeline
 * @param health its health after the point
 * @param raised alerts raised now (empty when none)
 * @param resolved alerts resolved now (empty when none)
 */
public record PipelineUpdate(
    String pipelineId,
    PipelineHealth health,
    List<StoredAlert> raised,
    List<StoredAlert> resolved) {
  /** Copies the lists. */
  public PipelineUpdate {
    raised = List.copyOf(raised);
    resolved = List.copyOf(resolved);
  }

  /** Returns whether an alert was raised or resolved. */
  public boolean alertsChanged() {
    return !raised.isEmpty() || !resolved.isEmpty();
  }
}
