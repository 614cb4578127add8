package io.pipelineguard.hdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitSlicedBundlerTest {
  @Test
  void matchesTheIntegerAccumulatorBitForBitIncludingTies() {
    for (long seed = 0; seed < 50; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      Dimension d = Dimension.of(64 * rnd.nextInt(1, 20));
      int k = (int) seed % 2 == 0 ? 2 * rnd.nextInt(0, 20) : rnd.nextInt(1, 70);
      BitSlicedBundler bundler = new BitSlicedBundler(d);
      BundleAccumulator acc = new BundleAccumulator(d);
      for (int i = 0; i < k; i++) {
        // correlated votes too, so high counts and exact ties both occur
        Hypervector v =
            i % 3 == 0 ? Hypervector.random(d, seed) : Hypervector.random(d, rnd.nextLong());
        bundler.add(v);
        acc.add(v);
      }

      assertThat(bundler.count()).isEqualTo(k);
      assertThat(bundler.toHypervector())
          .as("seed %d k %d", seed, k)
          .isEqualTo(acc.toHypervector());
    }
  }

  @Test
  void clearStartsOver() {
    Dimension d = Dimension.of(256);
    BitSlicedBundler bundler = new BitSlicedBundler(d);
    for (int i = 0; i < 9; i++) {
      bundler.add(Hypervector.random(d, i));
    }

    bundler.clear();
    bundler.add(Hypervector.random(d, 42));

    assertThat(bundler.count()).isEqualTo(1);
    assertThat(bundler.toHypervector()).isEqualTo(Hypervector.random(d, 42));
  }
}
