package io.pipelineguard.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test helper: seeded series of metric points, one run every 10 minutes. */
final class Series {
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private final List<MetricPoint> points = new ArrayList<>();
  private final Random random;

  Series(long seed) {
    this.random = new Random(seed);
  }

  /** Adds {@code n} runs around {@code mean} seconds with Gaussian noise of {@code sd}. */
  Series noisy(int n, double mean, double sd, boolean success) {
    for (int i = 0; i < n; i++) {
      add(Math.max(1, mean + random.nextGaussian() * sd), success);
    }
    return this;
  }

  Series add(double seconds, boolean success) {
    points.add(
        new MetricPoint(
            "github:acme/shop / CI", T0.plusSeconds(600L * points.size()), seconds, success));
    return this;
  }

  List<MetricPoint> points() {
    return List.copyOf(points);
  }
}
