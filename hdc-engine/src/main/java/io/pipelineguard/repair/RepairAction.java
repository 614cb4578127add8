package io.pipelineguard.repair;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One step of a {@link RepairPlan}: what to do, with which parameters, after which delay, and the
 * reason a person reads.
 *
 * @param strategy what to do
 * @param delay how long to wait before doing it; zero for at once
 * @param parameters strategy parameters, for example {@code target} for a rollback or {@code
 *     script} for a custom script; copied, sorted by key
 * @param reason one sentence saying why, for the people who read the guard's log
 */
public record RepairAction(
    RepairStrategy strategy, Duration delay, Map<String, String> parameters, String reason) {

  /** Validates and copies the fields. */
  public RepairAction {
    Objects.requireNonNull(strategy, "strategy must not be null");
    Objects.requireNonNull(delay, "delay must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank");
    }
    parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /** Returns an action to take at once, without parameters. */
  public static RepairAction of(RepairStrategy strategy, String reason) {
    return new RepairAction(strategy, Duration.ZERO, Map.of(), reason);
  }

  /** Returns a copy with one more parameter. */
  public RepairAction withParameter(String key, String value) {
    Map<String, String> copy = new TreeMap<>(parameters);
    copy.put(
        Objects.requireNonNull(key, "key must not be null"),
        Objects.requireNonNull(value, "value must not be null"));
    return new RepairAction(strategy, delay, copy, reason);
  }

  /** Returns a copy that waits {@code newDelay} first. */
  public RepairAction withDelay(Duration newDelay) {
    return new RepairAction(strategy, newDelay, parameters, reason);
  }
}
