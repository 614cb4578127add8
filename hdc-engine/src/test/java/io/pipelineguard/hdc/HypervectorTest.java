package io.pipelineguard.hdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervectorTest {
  private static final Dimension D = Dimension.DEFAULT;

  /** Six standard deviations of the similarity of two random vectors, 6 / sqrt(D). */
  private static final double ORTHOGONAL_BOUND = 6 / Math.sqrt(D.bits());

  @Test
  void bindIsSelfInverseCommutativeAndAssociative() {
    for (long seed = 0; seed < 50; seed++) {
      Hypervector a = Hypervector.random(D, seed);
      Hypervector b = Hypervector.random(D, seed + 1000);
      Hypervector c = Hypervector.random(D, seed + 2000);

      assertThat(a.bind(b).bind(b)).isEqualTo(a);
      assertThat(a.bind(b)).isEqualTo(b.bind(a));
      assertThat(a.bind(b).bind(c)).isEqualTo(a.bind(b.bind(c)));
      assertThat(a.bind(Hypervector.zeros(D))).isEqualTo(a);
      assertThat(Math.abs(a.bind(b).similarity(a))).isLessThan(ORTHOGONAL_BOUND);
    }
  }

  @Test
  void hammingDistanceIsAMetricAndEqualsPopCountOfXor() {
    for (long seed = 0; seed < 50; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      Dimension d = Dimension.of(64 * rnd.nextInt(1, 40));
      Hypervector a = Hypervector.random(d, rnd.nextLong());
      Hypervector b = Hypervector.random(d, rnd.nextLong());
      Hypervector c = Hypervector.random(d, rnd.nextLong());

      assertThat(a.hammingDistance(a)).isZero();
      assertThat(a.hammingDistance(b)).isEqualTo(b.hammingDistance(a)).isPositive();
      assertThat(a.hammingDistance(c))
          .isLessThanOrEqualTo(a.hammingDistance(b) + b.hammingDistance(c));
      assertThat(a.hammingDistance(b)).isEqualTo(a.bind(b).popCount());
    }
  }

  @Test
  void similarityIsOneForEqualMinusOneForComplementAndNearZeroForRandom() {
    Hypervector a = Hypervector.random(D, 1);
    long[] complement = a.copyWords();
    for (int i = 0; i < complement.length; i++) {
      complement[i] = ~complement[i];
    }
    assertThat(a.similarity(a)).isEqualTo(1.0);
    assertThat(a.similarity(Hypervector.fromWords(D, complement))).isEqualTo(-1.0);
    for (long seed = 0; seed < 50; seed++) {
      Hypervector x = Hypervector.random(D, seed * 31 + 7);
      Hypervector y = Hypervector.random(D, seed * 31 + 8);
      assertThat(Math.abs(x.similarity(y))).isLessThan(ORTHOGONAL_BOUND);
      assertThat(x.popCount()).isBetween(D.bits() / 2 - 300, D.bits() / 2 + 300);
    }
  }

  @Test
  void permuteIsInvertibleComposesAndScramblesForAnyShift() {
    for (long seed = 0; seed < 50; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      Hypervector a = Hypervector.random(D, rnd.nextLong());
      Hypervector b = Hypervector.random(D, rnd.nextLong());
      int s = rnd.nextInt(1, D.bits());
      int t = seed % 2 == 0 ? 64 * rnd.nextInt(1, D.words()) : rnd.nextInt(-100_000, 100_000);

      assertThat(a.permute(s).unpermute(s)).isEqualTo(a);
      assertThat(a.permute(t).unpermute(t)).isEqualTo(a);
      assertThat(a.permute(s)).isNotEqualTo(a);
      assertThat(Math.abs(a.permute(s).similarity(a))).isLessThan(ORTHOGONAL_BOUND);
      assertThat(a.permute(s).permute(t)).isEqualTo(a.permute(s + t));
      assertThat(a.bind(b).permute(s)).isEqualTo(a.permute(s).bind(b.permute(s)));
      assertThat(a.permute(D.bits())).isEqualTo(a);
      assertThat(a.permute(-s)).isEqualTo(a.unpermute(s));
    }
  }

  @Test
  void bundleIsCloserToEachMemberThanToUnrelatedVectors() {
    for (long seed = 0; seed < 50; seed++) {
      List<Hypervector> members = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        members.add(Hypervector.random(D, seed * 100 + i));
      }
      Hypervector bundle = Hypervector.bundle(members);
      Hypervector unrelated = Hypervector.random(D, ~seed);

      for (Hypervector m : members) {
        // expected similarity for a 5-member majority is 0.375
        assertThat(bundle.similarity(m)).isGreaterThan(0.3);
      }
      assertThat(Math.abs(bundle.similarity(unrelated))).isLessThan(ORTHOGONAL_BOUND);
    }
  }

  @Test
  void wordsAreCopiedInAndOut() {
    long[] w = new long[D.words()];
    w[3] = 0b1010L;
    Hypervector v = Hypervector.fromWords(D, w);
    w[3] = 0;
    long[] out = v.copyWords();
    out[3] = 0;

    assertThat(v.word(3)).isEqualTo(0b1010L);
    assertThat(v.bit(3 * 64 + 1)).isTrue();
    assertThat(v.bit(3 * 64)).isFalse();
    assertThat(v.popCount()).isEqualTo(2);
  }

  @Test
  void dimensionMismatchNamesBothDimensions() {
    Hypervector a = Hypervector.random(Dimension.of(256), 1);
    Hypervector b = Hypervector.random(Dimension.of(512), 1);

    assertThatThrownBy(() -> a.hammingDistance(b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256")
        .hasMessageContaining("512");
    assertThatThrownBy(() -> a.bind(b)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hypervector.fromWords(D, new long[3]))
        .hasMessageContaining("words.length must be 160");
    assertThatThrownBy(() -> Hypervector.bundle(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomIsDeterministicPerSeed() {
    assertThat(Hypervector.random(D, 77)).isEqualTo(Hypervector.random(D, 77));
    assertThat(Hypervector.random(D, 77)).isNotEqualTo(Hypervector.random(D, 78));
    assertThat(Hypervector.random(D, 77).word(0)).isEqualTo(new SplitMix64(77).nextLong());
  }
}
