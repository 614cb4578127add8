package io.pipelineguard.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Median and median absolute deviation, the robust statistics the detectors use. */
final class RobustStats {
  private RobustStats() {}

  /** Returns the median of {@code values} (NaN when empty). Costs a sort of a copy. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Returns the median absolute deviation from {@code median}. */
  static double mad(List<Double> values, double median) {
    List<Double> deviations = new ArrayList<>(values.size());
    for (double value : values) {
      deviations.add(Math.abs(value - median));
    }
    return median(deviations);
  }
}
