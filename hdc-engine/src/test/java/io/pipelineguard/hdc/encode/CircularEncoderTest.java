package io.pipelineguard.hdc.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.hdc.Dimension;
import org.junit.jupiter.api.Test;

class CircularEncoderTest {
  private static final Dimension D = Dimension.DEFAULT;

  @Test
  void distanceFollowsCircularDistanceAndWrapsAround() {
    for (long seed = 0; seed < 20; seed++) {
      CircularEncoder hours = CircularEncoder.builder(D, seed).period(24).build();

      for (int a = 0; a < 24; a++) {
        for (int b = 0; b < 24; b++) {
          int steps = Math.min(Math.abs(a - b), 24 - Math.abs(a - b));
          int expected = (int) Math.round((double) D.bits() * steps / 24);
          assertThat(hours.level(a).hammingDistance(hours.level(b)))
              .as("hours %d and %d", a, b)
              .isBetween(expected - 1, expected + 1);
        }
      }
      assertThat(hours.level(23).similarity(hours.level(0)))
          .isEqualTo(hours.level(0).similarity(hours.level(1)));
      assertThat(hours.level(0).similarity(hours.level(12))).isZero();
    }
  }

  @Test
  void valuesAreReducedModuloThePeriod() {
    CircularEncoder weekdays = CircularEncoder.builder(D, 3).period(7).build();

    assertThat(weekdays.levels()).isEqualTo(7);
    assertThat(weekdays.encode(7)).isEqualTo(weekdays.encode(0));
    assertThat(weekdays.encode(-1)).isEqualTo(weekdays.level(6));
    assertThat(weekdays.encode(6.6)).isEqualTo(weekdays.level(0));
    assertThat(weekdays.encode(15)).isEqualTo(weekdays.level(1));
    assertThatThrownBy(() -> weekdays.encode(Double.POSITIVE_INFINITY))
        .hasMessageContaining("finite");
  }

  @Test
  void oddLevelCountsStillWrap() {
    CircularEncoder enc = CircularEncoder.builder(D, 9).period(1.0).levels(5).build();

    assertThat(enc.level(4).hammingDistance(enc.level(0)))
        .isEqualTo(enc.level(0).hammingDistance(enc.level(1)));
  }
}
