package io.pipelineguard.hdc;

import java.util.Objects;

/**
 * Allocation-free kernels over packed bit vectors held in flat {@code long[]} arrays (a vector of
 * {@code words} longs starting at an offset). These are the hot loops of the engine; {@link
 * Hypervector}, {@link AssociativeMemory} and {@link HypervectorStore} delegate to them.
 *
 * <p>Every method checks its ranges once up front (so the JIT can drop per-element bounds checks),
 * then runs a straight loop. None allocates, none retains its arguments, and all are thread-safe as
 * long as no other thread writes the arrays they read.
 */
public final class BitKernels {
  private BitKernels() {}

  /**
   * Returns the number of differing bits between {@code a[aOffset .. aOffset+words)} and {@code
   * b[bOffset .. bOffset+words)}: {@code sum Long.bitCount(a[i] ^ b[i])}. Cost: {@code words} XORs
   * and population counts, about 70-85 ns for 160 words on one core of the benchmark machine.
   *
   * <p>Deliberately a plain single-accumulator loop: C2 unrolls it by itself and JDK 21+ can
   * auto-vectorise it, whereas a hand-unrolled four-accumulator version measured 20-40% slower on
   * JDK 17 and JDK 25 (docs/benchmarks.md, "HDC core").
   *
   * @throws IndexOutOfBoundsException if a range lies outside its array
   */
  public static int hammingDistance(long[] a, int aOffset, long[] b, int bOffset, int words) {
    Objects.checkFromIndexSize(aOffset, words, a.length);
    Objects.checkFromIndexSize(bOffset, words, b.length);
    int s = 0;
    for (int i = 0; i < words; i++) {
      s += Long.bitCount(a[aOffset + i] ^ b[bOffset + i]);
    }
    return s;
  }

  /**
   * Returns the tie-breaking seed of a majority vote from its sign pattern: {@code h = mix64(64 *
   * words)}, then for each word {@code j}: {@code h = (h ^ positive[j]) * 0x9E3779B97F4A7C15L; h =
   * (h ^ tied[j]) * 0xC2B2AE3D27D4EB4FL; h = rotl(h, 23)}; result {@code mix64(h)}. {@code
   * positive} has bit {@code i} set where counter {@code i} is positive, {@code tied} where it is
   * 0.
   */
  static long tieSeed(long[] positive, long[] tied, int words) {
    long h = SplitMix64.mix64(64L * words);
    for (int j = 0; j < words; j++) {
      h = (h ^ positive[j]) * 0x9E3779B97F4A7C15L;
      h = (h ^ tied[j]) * 0xC2B2AE3D27D4EB4FL;
      h = Long.rotateLeft(h, 23);
    }
    return SplitMix64.mix64(h);
  }

  /**
   * Finishes a majority vote in place: {@code positive[j] |= tied[j] & r_j} where {@code r_j} is
   * the {@code (j+1)}-th output of {@code new SplitMix64(tieSeed(positive, tied))}. Does nothing
   * when no bit is tied.
   */
  static void breakTies(long[] positive, long[] tied, int words) {
    long any = 0;
    for (int j = 0; j < words; j++) {
      any |= tied[j];
    }
    if (any == 0) {
      return;
    }
    SplitMix64 rng = new SplitMix64(tieSeed(positive, tied, words));
    for (int j = 0; j < words; j++) {
      positive[j] |= tied[j] & rng.nextLong();
    }
  }

  /**
   * Returns the number of set bits in {@code a[offset .. offset+words)}.
   *
   * @throws IndexOutOfBoundsException if the range lies outside the array
   */
  public static int popCount(long[] a, int offset, int words) {
    Objects.checkFromIndexSize(offset, words, a.length);
    int s = 0;
    for (int i = 0; i < words; i++) {
      s += Long.bitCount(a[offset + i]);
    }
    return s;
  }

  /**
   * XORs {@code src[sOffset ..)} into {@code dst[dOffset ..)} in place, {@code words} longs ({@code
   * dst ^= src}). Mutates {@code dst} only.
   *
   * @throws IndexOutOfBoundsException if a range lies outside its array
   */
  public static void xorInto(long[] dst, int dOffset, long[] src, int sOffset, int words) {
    Objects.checkFromIndexSize(dOffset, words, dst.length);
    Objects.checkFromIndexSize(sOffset, words, src.length);
    for (int i = 0; i < words; i++) {
      dst[dOffset + i] ^= src[sOffset + i];
    }
  }

  /**
   * XORs the rotation of {@code src} by {@code shiftWords} whole words into {@code dst}: {@code
   * dst[(i + shiftWords) mod words] ^= src[i]}, i.e. {@code dst ^= permute(src, 64 * shiftWords)}.
   * Runs as two straight loops without a modulo. Mutates {@code dst} only; {@code src} and {@code
   * dst} ranges must not overlap.
   *
   * @param shiftWords rotation in words, any value (reduced modulo {@code words})
   * @throws IndexOutOfBoundsException if a range lies outside its array
   */
  public static void xorRotatedWordsInto(
      long[] dst, int dOffset, long[] src, int sOffset, int words, int shiftWords) {
    Objects.checkFromIndexSize(dOffset, words, dst.length);
    Objects.checkFromIndexSize(sOffset, words, src.length);
    if (words == 0) {
      return;
    }
    int q = Math.floorMod(shiftWords, words);
    int head = words - q;
    // src[0 .. head) lands at dst[q .. words); src[head .. words) wraps to dst[0 .. q).
    for (int i = 0; i < head; i++) {
      dst[dOffset + q + i] ^= src[sOffset + i];
    }
    for (int i = 0; i < q; i++) {
      dst[dOffset + i] ^= src[sOffset + head + i];
    }
  }

  /**
   * Writes into {@code dst} the rotation of {@code src} by {@code shiftBits} bits: bit {@code i} of
   * the source becomes bit {@code (i + shiftBits) mod (64 * words)} of the destination. A multiple
   * of 64 takes a word-copy fast path ({@link System#arraycopy} twice). Mutates {@code dst} only;
   * the ranges must not overlap.
   *
   * @param shiftBits rotation in bits, any value (reduced modulo {@code 64 * words})
   * @throws IndexOutOfBoundsException if a range lies outside its array
   */
  public static void rotate(
      long[] src, int sOffset, long[] dst, int dOffset, int words, long shiftBits) {
    Objects.checkFromIndexSize(sOffset, words, src.length);
    Objects.checkFromIndexSize(dOffset, words, dst.length);
    if (words == 0) {
      return;
    }
    long bits = 64L * words;
    long s = Math.floorMod(shiftBits, bits);
    int q = (int) (s >>> 6);
    int r = (int) (s & 63);
    int head = words - q;
    System.arraycopy(src, sOffset, dst, dOffset + q, head);
    System.arraycopy(src, sOffset + head, dst, dOffset, q);
    if (r != 0) {
      long carry = dst[dOffset + words - 1] >>> (64 - r);
      for (int i = 0; i < words; i++) {
        long w = dst[dOffset + i];
        dst[dOffset + i] = (w << r) | carry;
        carry = w >>> (64 - r);
      }
    }
  }
}
