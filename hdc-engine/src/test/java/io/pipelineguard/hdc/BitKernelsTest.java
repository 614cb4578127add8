package io.pipelineguard.hdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BitKernelsTest {
  @Test
  void hammingDistanceEqualsNaiveCountAtAnyOffsetAndLength() {
    for (long seed = 0; seed < 50; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      long[] a = randomWords(rnd, 40);
      long[] b = randomWords(rnd, 40);
      int words = rnd.nextInt(0, 20);
      int ao = rnd.nextInt(0, 20);
      int bo = rnd.nextInt(0, 20);
      int naive = 0;
      for (int i = 0; i < words; i++) {
        naive += Long.bitCount(a[ao + i] ^ b[bo + i]);
      }
      assertThat(BitKernels.hammingDistance(a, ao, b, bo, words)).isEqualTo(naive);
    }
  }

  @Test
  void rotateMovesEveryBitByTheShift() {
    for (long seed = 0; seed < 50; seed++) {
      SplittableRandom rnd = new SplittableRandom(seed);
      int words = rnd.nextInt(1, 6);
      int bits = words * 64;
      long[] src = randomWords(rnd, words);
      long shift = rnd.nextLong(-3L * bits, 3L * bits);
      long[] dst = new long[words];
      BitKernels.rotate(src, 0, dst, 0, words, shift);
      for (int i = 0; i < bits; i++) {
        int j = (int) Math.floorMod(i + shift, (long) bits);
        assertThat(bit(dst, j))
            .as("seed %d bit %d shift %d", seed, i, shift)
            .isEqualTo(bit(src, i));
      }
    }
  }

  @Test
  void xorRotatedWordsEqualsRotateThenXor() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int shift = -7; shift <= 7; shift++) {
      long[] src = randomWords(rnd, 5);
      long[] dst = randomWords(rnd, 5);
      long[] expected = new long[5];
      BitKernels.rotate(src, 0, expected, 0, 5, 64L * shift);
      for (int i = 0; i < 5; i++) {
        expected[i] ^= dst[i];
      }
      BitKernels.xorRotatedWordsInto(dst, 0, src, 0, 5, shift);
      assertThat(dst).containsExactly(expected);
    }
  }

  @Test
  void rangesOutsideTheArrayAreRejected() {
    long[] a = new long[4];
    assertThatThrownBy(() -> BitKernels.hammingDistance(a, 1, a, 0, 4))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  static long[] randomWords(SplittableRandom rnd, int n) {
    long[] w = new long[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextLong();
    }
    return w;
  }

  private static boolean bit(long[] w, int i) {
    return (w[i >>> 6] & (1L << i)) != 0;
  }
}
