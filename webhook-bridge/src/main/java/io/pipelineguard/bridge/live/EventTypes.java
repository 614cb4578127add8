package io.pipelineguard.bridge.live;

/** The event types of the {@code /ws} stream (docs/api.md, section WebSocket). */
public final class EventTypes {
  /** The {@code GET /api/status} object; sent on connect and when the overview changes. */
  public static final String SYSTEM_STATUS = "system_status";

  /** One pipeline health object ({@code GET /api/pipelines} item) that changed. */
  public static final String PIPELINE_UPDATE = "pipeline_update";

  /** {@code {"active":[alert,...]}}: the alerts active now. */
  public static final String ALERTS_UPDATE = "alerts_update";

  private EventTypes() {}
}
