package io.pipelineguard.bridge.live;

import io.pipelineguard.bridge.store.RunRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns each recorded run into live events: a {@code pipeline_update} for its pipeline and, at most
 * once per {@code statusInterval}, a {@code system_status}. Does nothing while no client is
 * connected, so webhook intake pays nothing for an unwatched dashboard.
 */
public final class RunUpdates implements Consumer<RunRecord> {
  private final LiveEvents events;
  private final Function<RunRecord, ?> pipelineView;
  private final Supplier<?> status;
  private final Clock clock;
  private final long intervalMillis;
  private final AtomicLong lastStatusMillis = new AtomicLong(Long.MIN_VALUE / 2);

  /**
   * Creates the hook.
   *
   * @param pipelineView the pipeline health object of a run's pipeline
   * @param status the {@code GET /api/status} object
   * @param statusInterval least time between two {@code system_status} events
   */
  public RunUpdates(
      LiveEvents events,
      Function<RunRecord, ?> pipelineView,
      Supplier<?> status,
      Clock clock,
      Duration statusInterval) {
    this.events = Objects.requireNonNull(events, "events must not be null");
    this.pipelineView = Objects.requireNonNull(pipelineView, "pipelineView must not be null");
    this.status = Objects.requireNonNull(status, "status must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    this.intervalMillis = statusInterval.toMillis();
  }

  @Override
  public void accept(RunRecord run) {
    if (events.clientCount() == 0) {
      return;
    }
    events.publish(EventTypes.PIPELINE_UPDATE, pipelineView.apply(run));
    long now = clock.millis();
    long last = lastStatusMillis.get();
    if (now - last >= intervalMillis && lastStatusMillis.compareAndSet(last, now)) {
      events.publish(EventTypes.SYSTEM_STATUS, status.get());
    }
  }
}
