package io.pipelineguard.hdc.encode;

import io.pipelineguard.hdc.SplitMix64;
import java.util.Arrays;

/** Seeded bit-index permutations shared by the level and circular encoders. */
final class BitFlips {
  private BitFlips() {}

  /**
   * Returns the first {@code count} entries of a uniformly random permutation of {@code [0, bits)}
   * (partial Fisher-Yates driven by {@code new SplitMix64(seed)}).
   */
  static int[] randomOrder(int bits, int count, long seed) {
    int[] perm = new int[bits];
    for (int i = 0; i < bits; i++) {
      perm[i] = i;
    }
    SplitMix64 rng = new SplitMix64(seed);
    for (int i = 0; i < count; i++) {
      int j = i + rng.nextInt(bits - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return Arrays.copyOf(perm, count);
  }

  /** Flips bits {@code order[from .. to)} of {@code words}. */
  static void flip(long[] words, int[] order, int from, int to) {
    for (int i = from; i < to; i++) {
      int b = order[i];
      words[b >>> 6] ^= 1L << b;
    }
  }
}
