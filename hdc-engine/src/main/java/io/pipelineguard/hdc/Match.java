package io.pipelineguard.hdc;

import java.util.Objects;

/**
 * One result of a nearest-prototype search.
 *
 * @param label label of the prototype
 * @param similarity {@code 1 - 2 * distance / D}, in {@code [-1, 1]}
 * @param distance Hamming distance between query and prototype, in {@code [0, D]}
 */
public record Match(String label, double similarity, int distance) {
  /** Checks the label is present and the distance non-negative. */
  public Match {
    Objects.requireNonNull(label, "label must not be null");
    if (distance < 0) {
      throw new IllegalArgumentException("distance must be >= 0, was " + distance);
    }
  }
}
