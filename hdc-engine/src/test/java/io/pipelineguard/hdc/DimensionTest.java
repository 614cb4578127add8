package io.pipelineguard.hdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DimensionTest {
  @Test
  void defaultIs10240BitsIn160Words() {
    assertThat(Dimension.DEFAULT.bits()).isEqualTo(10_240);
    assertThat(Dimension.DEFAULT.words()).isEqualTo(160);
    assertThat(Dimension.DEFAULT.bytes()).isEqualTo(1_280);
  }

  @Test
  void ofRejectsNonMultiplesOf64WithClearMessage() {
    assertThatThrownBy(() -> Dimension.of(10_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dimension must be a positive multiple of 64, was 10000");
    assertThatThrownBy(() -> Dimension.of(0))
        .hasMessage("dimension must be a positive multiple of 64, was 0");
    assertThatThrownBy(() -> Dimension.of(-64))
        .hasMessage("dimension must be a positive multiple of 64, was -64");
    assertThatThrownBy(() -> Dimension.of(Dimension.MAX_BITS + 64))
        .hasMessageContaining("dimension must be <=");
  }

  @Test
  void roundedUpRoundsToNextMultipleOf64() {
    assertThat(Dimension.roundedUp(10_000).bits()).isEqualTo(10_048);
    assertThat(Dimension.roundedUp(10_240)).isEqualTo(Dimension.DEFAULT);
    assertThat(Dimension.roundedUp(1).bits()).isEqualTo(64);
    assertThatThrownBy(() -> Dimension.roundedUp(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void equalityIsByBits() {
    assertThat(Dimension.of(512)).isEqualTo(Dimension.of(512)).hasSameHashCodeAs(Dimension.of(512));
    assertThat(Dimension.of(512)).isNotEqualTo(Dimension.of(576));
  }
}
