package io.pipelineguard.hdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundleAccumulatorTest {
  private static final Dimension D = Dimension.DEFAULT;

  @Test
  void countersFollowWeightedAddAndSubtract() {
    Hypervector a = Hypervector.random(D, 1);
    BundleAccumulator acc = new BundleAccumulator(D);

    acc.add(a, 3);
    acc.subtract(a, 1);

    assertThat(acc.count()).isEqualTo(2);
    for (int i = 0; i < D.bits(); i++) {
      assertThat(acc.counter(i)).isEqualTo(a.bit(i) ? 2 : -2);
    }
    assertThat(acc.toHypervector()).isEqualTo(a);
  }

  @Test
  void subtractIsTheExactInverseOfAdd() {
    BundleAccumulator acc = new BundleAccumulator(D);
    acc.add(Hypervector.random(D, 1), 2);
    acc.add(Hypervector.random(D, 2), 1);
    int[] before = acc.copyCounts();
    Hypervector x = Hypervector.random(D, 3);

    acc.add(x, 5);
    acc.subtract(x, 5);

    assertThat(acc.copyCounts()).containsExactly(before);
    assertThat(acc.count()).isEqualTo(3);
  }

  @Test
  void heavierWeightDominatesTheMajority() {
    Hypervector jazz = Hypervector.random(D, 10);
    Hypervector rock = Hypervector.random(D, 11);
    Hypervector pop = Hypervector.random(D, 12);
    BundleAccumulator acc = new BundleAccumulator(D);

    acc.add(jazz, 3);
    acc.add(rock);
    acc.add(pop);

    assertThat(acc.toHypervector()).isEqualTo(jazz);
  }

  @Test
  void tieBreakingIsUnbiasedBetweenUnrelatedEvenBundles() {
    double sumDistance = 0;
    long sumOnes = 0;
    int trials = 50;
    for (long seed = 0; seed < trials; seed++) {
      Hypervector x = bundleOf(seed * 10, 4);
      Hypervector y = bundleOf(seed * 10 + 5, 4);
      sumDistance += x.hammingDistance(y) / (double) D.bits();
      sumOnes += x.popCount();
    }
    // a constant tie rule would pull unrelated even bundles together (distance ~0.375 for k = 2)
    assertThat(sumDistance / trials).isBetween(0.49, 0.51);
    assertThat(sumOnes / (double) (trials * D.bits())).isBetween(0.49, 0.51);
  }

  @Test
  void tieBreakingIsReproducibleAndPinned() {
    Dimension small = Dimension.of(256);
    BundleAccumulator acc = new BundleAccumulator(small);
    acc.add(Hypervector.random(small, 1));
    acc.add(Hypervector.random(small, 2));

    Hypervector t = acc.toHypervector();

    assertThat(new long[] {t.word(0), t.word(1), t.word(2), t.word(3)})
        .containsExactly(
            0x97182DEE99965ECAL, 0xBEEA06B04FDC9E42L, 0xD8FBA6AFFB3A576EL, 0x63E082D0EEC6E566L);
    BundleAccumulator again = new BundleAccumulator(small);
    again.add(Hypervector.random(small, 2));
    again.add(Hypervector.random(small, 1));
    assertThat(again.toHypervector()).isEqualTo(t);
  }

  @Test
  void tiesAgreeWithOneOfTheTiedInputsAndMajorityElsewhere() {
    Hypervector a = Hypervector.random(D, 21);
    Hypervector b = Hypervector.random(D, 22);
    BundleAccumulator acc = new BundleAccumulator(D);
    acc.add(a);
    acc.add(b);

    Hypervector m = acc.toHypervector();

    for (int i = 0; i < D.bits(); i++) {
      if (a.bit(i) == b.bit(i)) {
        assertThat(m.bit(i)).isEqualTo(a.bit(i));
      }
    }
    assertThat(m.similarity(a)).isBetween(0.4, 0.6); // expected 0.5 for k = 2
  }

  @Test
  void toHypervectorIsCachedUntilTheNextUpdate() {
    BundleAccumulator acc = new BundleAccumulator(D);
    acc.add(Hypervector.random(D, 1));
    Hypervector first = acc.toHypervector();

    assertThat(acc.toHypervector()).isSameAs(first);
    acc.add(Hypervector.random(D, 2), 3);
    assertThat(acc.toHypervector()).isNotSameAs(first).isEqualTo(Hypervector.random(D, 2));
  }

  @Test
  void overflowIsRejectedAndLeavesTheAccumulatorUnchanged() {
    Dimension small = Dimension.of(64);
    Hypervector a = Hypervector.random(small, 1);
    BundleAccumulator acc = new BundleAccumulator(small);
    acc.add(a, BundleAccumulator.MAX_WEIGHT);
    acc.add(a, BundleAccumulator.MAX_WEIGHT - 1);
    int[] before = acc.copyCounts();

    assertThatThrownBy(() -> acc.add(a, 2)).isInstanceOf(ArithmeticException.class);
    assertThat(acc.copyCounts()).containsExactly(before);

    acc.subtract(a, BundleAccumulator.MAX_WEIGHT); // the exact check sees magnitudes shrink
    acc.add(a, BundleAccumulator.MAX_WEIGHT);
    assertThat(acc.copyCounts()).containsExactly(before);
    assertThat(Math.abs(before[0])).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void invalidWeightsAndCountsAreRejected() {
    BundleAccumulator acc = new BundleAccumulator(D);
    Hypervector a = Hypervector.random(D, 1);

    assertThatThrownBy(() -> acc.add(a, 0)).hasMessageContaining("weight must be in [1,");
    assertThatThrownBy(() -> acc.subtract(a, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> acc.add(Hypervector.random(Dimension.of(64), 1)))
        .hasMessageContaining("10240")
        .hasMessageContaining("64");
    assertThatThrownBy(() -> BundleAccumulator.fromCounts(Dimension.of(64), new int[64], 1))
        .hasMessageContaining("parity");
  }

  @Test
  void fromCountsAndCopyRoundTrip() {
    BundleAccumulator acc = new BundleAccumulator(D);
    acc.addAll(List.of(Hypervector.random(D, 1), Hypervector.random(D, 2)));
    acc.add(Hypervector.random(D, 3), 4);

    BundleAccumulator restored = BundleAccumulator.fromCounts(D, acc.copyCounts(), acc.count());
    restored.validate();
    acc.validate();

    assertThat(restored.toHypervector()).isEqualTo(acc.toHypervector());
    assertThat(restored.count()).isEqualTo(6);
    BundleAccumulator sum = acc.copy();
    sum.addAll(restored);
    assertThat(sum.count()).isEqualTo(12);
    assertThat(sum.toHypervector()).isEqualTo(acc.toHypervector());
  }

  private static Hypervector bundleOf(long firstSeed, int k) {
    BundleAccumulator acc = new BundleAccumulator(D);
    for (int i = 0; i < k; i++) {
      acc.add(Hypervector.random(D, 1_000_003L * (firstSeed + i)));
    }
    return acc.toHypervector();
  }
}
