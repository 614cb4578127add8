package io.pipelineguard.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a pipeline's runs are getting slower ({@link #UP}), faster ({@link #DOWN}) or neither.
 * The median duration of the newer half of the points is compared to that of the older half: more
 * than 15 % longer is up, more than 15 % shorter is down; fewer than 6 points is flat.
 */
public enum DurationTrend {
  /** Newer runs take longer. */
  UP,
  /** Newer runs are faster. */
  DOWN,
  /** No clear change, or too few runs. */
  FLAT;

  /** Fewest points a trend is computed from. */
  public static final int MIN_POINTS = 6;

  /** Relative change of the medians that counts as a trend. */
  public static final double CHANGE = 0.15;

  /** Returns the lower-case name used in JSON. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the trend of {@code points}, oldest first. Costs a sort of each half.
   *
   * @param points the recent points, oldest first
   */
  public static DurationTrend of(List<MetricPoint> points) {
    if (points.size() < MIN_POINTS) {
      return FLAT;
    }
    int half = points.size() / 2;
    double older = RobustStats.median(durations(points.subList(0, half)));
    double newer =
        RobustStats.median(durations(points.subList(points.size() - half, points.size())));
    if (older <= 0) {
      return newer > 0 ? UP : FLAT;
    }
    double ratio = newer / older;
    if (ratio > 1 + CHANGE) {
      return UP;
    }
    return ratio < 1 - CHANGE ? DOWN : FLAT;
  }

  static List<Double> durations(List<MetricPoint> points) {
    List<Double> values = new ArrayList<>(points.size());
    for (MetricPoint point : points) {
      values.add(point.durationSeconds());
    }
    return values;
  }
}
