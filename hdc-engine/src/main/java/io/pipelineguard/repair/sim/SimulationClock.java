package io.pipelineguard.repair.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the simulator moves by hand, so replays never sleep. Not thread-safe. */
final class SimulationClock extends Clock {
  private Instant now;

  SimulationClock(Instant start) {
    this.now = start;
  }

  void set(Instant instant) {
    if (instant.isAfter(now)) {
      now = instant;
    }
  }

  void advance(java.time.Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulation clock is UTC only");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
