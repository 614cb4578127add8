package io.pipelineguard.hdc.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.ItemMemory;
import org.junit.jupiter.api.Test;

class LevelEncoderTest {
  private static final Dimension D = Dimension.DEFAULT;

  @Test
  void distanceGrowsMonotonicallyAndEndsAreOrthogonal() {
    for (long seed = 0; seed < 20; seed++) {
      LevelEncoder enc = LevelEncoder.builder(D, seed).range(0, 100).levels(11).build();

      for (int j = 1; j < enc.levels(); j++) {
        assertThat(enc.level(0).hammingDistance(enc.level(j)))
            .isGreaterThan(enc.level(0).hammingDistance(enc.level(j - 1)));
        assertThat(enc.level(j - 1).hammingDistance(enc.level(j))).isEqualTo(D.bits() / 2 / 10);
      }
      assertThat(enc.level(0).hammingDistance(enc.level(10))).isEqualTo(D.bits() / 2);
      assertThat(enc.level(0).similarity(enc.level(10))).isZero();
    }
  }

  @Test
  void valuesMapToNearestLevelAndClamp() {
    LevelEncoder enc = LevelEncoder.builder(D, 1).range(10, 20).levels(11).build();

    assertThat(enc.indexOf(10)).isZero();
    assertThat(enc.indexOf(15)).isEqualTo(5);
    assertThat(enc.indexOf(15.4)).isEqualTo(5);
    assertThat(enc.indexOf(15.6)).isEqualTo(6);
    assertThat(enc.encode(-1e9)).isEqualTo(enc.level(0));
    assertThat(enc.encode(1e9)).isEqualTo(enc.level(10));
    assertThatThrownBy(() -> enc.encode(Double.NaN)).hasMessageContaining("NaN");
  }

  @Test
  void namedLevelsAreReproducibleAndDistinctPerName() {
    ItemMemory items = new ItemMemory(D, 7);

    LevelEncoder a = LevelEncoder.builder(items, "duration").build();
    LevelEncoder b = LevelEncoder.builder(items, "duration").build();
    LevelEncoder c = LevelEncoder.builder(items, "memory").build();

    assertThat(a.level(5)).isEqualTo(b.level(5));
    assertThat(Math.abs(a.level(0).similarity(c.level(0)))).isLessThan(0.06);
  }

  @Test
  void invalidConfigurationIsRejected() {
    assertThatThrownBy(() -> LevelEncoder.builder(D, 1).range(5, 5))
        .hasMessageContaining("min < max");
    assertThatThrownBy(() -> LevelEncoder.builder(D, 1).levels(1))
        .hasMessageContaining("levels must be in [2,");
    assertThatThrownBy(() -> LevelEncoder.builder(Dimension.of(64), 1).levels(40).build())
        .hasMessageContaining("D/2 + 1");
  }
}
