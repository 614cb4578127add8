package io.pipelineguard.repair;

import java.time.Instant;
import java.util.Objects;

/**
 * An earlier repair of the same job on the same commit, as the door knows it.
 *
 * @param strategy what was done
 * @param succeeded whether the job passed afterwards
 * @param at when it finished
 */
public record PastAttempt(RepairStrategy strategy, boolean succeeded, Instant at) {
  /** Validates the fields. */
  public PastAttempt {
    Objects.requireNonNull(strategy, "strategy must not be null");
    Objects.requireNonNull(at, "at must not be null");
  }
}
