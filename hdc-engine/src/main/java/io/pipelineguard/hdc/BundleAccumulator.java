package io.pipelineguard.hdc;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * Integer accumulator for bundling (superposing) binary hypervectors: one signed {@code int}
 * counter per bit. Adding vector {@code v} with weight {@code w} adds {@code +w} to counter {@code
 * i} where bit {@code i} of {@code v} is 1 and {@code -w} where it is 0; subtracting does the
 * opposite. {@link #toHypervector()} binarises by majority (counter {@code > 0} gives 1, {@code <
 * 0} gives 0) and breaks exact ties (counter {@code == 0}) with pseudo-random bits from a {@link
 * SplitMix64} stream seeded by a hash of the vote's content (its sign pattern), so the result is
 * reproducible (the same counters always give the same vector) and unbiased (unrelated bundles do
 * not drift towards a common vector; HDC research notes §3.2).
 *
 * <p>Keeping integers rather than bits preserves weights and allows {@link #subtract} (the "integer
 * training, binary inference" pattern, notes §3.3).
 *
 * <p><b>Single writer.</b> Not thread-safe: one thread mutates it, and readers must not run
 * concurrently with a writer (even {@link #toHypervector()} fills a cache). Wrap it in your own
 * lock or use {@link ConcurrentAssociativeMemory} for shared models.
 *
 * <p><b>Overflow.</b> Weights are limited to {@link #MAX_WEIGHT}. A conservative bound on the
 * largest counter magnitude is kept; when an update could push it past {@link Integer#MAX_VALUE}
 * the exact magnitudes after the update are computed first, and an update that would really
 * overflow a counter throws {@link ArithmeticException} and leaves the accumulator unchanged.
 *
 * <p><b>Cost.</b> Footprint {@code 4 * D} bytes (40 KiB at D = 10,240). An add or subtract is one
 * pass over {@code D} counters through a byte-to-mask table (about 6 µs at D = 10,240 on the
 * benchmark machine); {@link #toHypervector()} is one pass, plus hashing {@code D/32} words when
 * some counter is 0, and is cached until the next update. For many unit-weight votes that only need
 * a binary result, {@link BitSlicedBundler} is several times faster.
 */
public final class BundleAccumulator {
  /** Largest accepted weight of a single add or subtract (2<sup>30</sup>). */
  public static final int MAX_WEIGHT = 1 << 30;

  /** {@code BYTE_MASKS[8*v + k]} is -1 when bit {@code k} of byte {@code v} is set, else 0. */
  private static final int[] BYTE_MASKS = new int[256 * 8];

  static {
    for (int v = 0; v < 256; v++) {
      for (int k = 0; k < 8; k++) {
        BYTE_MASKS[8 * v + k] = ((v >>> k) & 1) != 0 ? -1 : 0;
      }
    }
  }

  private final Dimension dimension;
  private final int[] counts;
  private long totalWeight;
  private long magnitudeBound;
  private Hypervector cached;

  /** Creates an empty accumulator (all counters 0) of the given dimension. */
  public BundleAccumulator(Dimension dimension) {
    this.dimension = Objects.requireNonNull(dimension, "dimension must not be null");
    this.counts = new int[dimension.bits()];
  }

  /**
   * Restores an accumulator from its counters and total weight, as persisted by the file format.
   * The array is copied.
   *
   * @throws IllegalArgumentException if the length does not match, a counter is {@code
   *     Integer.MIN_VALUE}, or a counter's parity differs from the total weight's (every update
   *     changes each counter by an amount of the same parity as the weight, so a genuine
   *     accumulator always has {@code counts[i] ≡ totalWeight (mod 2)})
   */
  public static BundleAccumulator fromCounts(Dimension dimension, int[] counts, long totalWeight) {
    BundleAccumulator acc = new BundleAccumulator(dimension);
    Objects.requireNonNull(counts, "counts must not be null");
    if (counts.length != dimension.bits()) {
      throw new IllegalArgumentException(
          "counts.length must be " + dimension.bits() + ", was " + counts.length);
    }
    int parity = (int) (totalWeight & 1);
    for (int i = 0; i < counts.length; i++) {
      int c = counts[i];
      if (c == Integer.MIN_VALUE) {
        throw new IllegalArgumentException("counter " + i + " is Integer.MIN_VALUE");
      }
      if ((c & 1) != parity) {
        throw new IllegalArgumentException(
            "counter " + i + " = " + c + " has a parity different from totalWeight " + totalWeight);
      }
    }
    System.arraycopy(counts, 0, acc.counts, 0, counts.length);
    acc.totalWeight = totalWeight;
    acc.magnitudeBound = acc.exactMagnitude();
    return acc;
  }

  /** Returns the dimension. */
  public Dimension dimension() {
    return dimension;
  }

  /** Adds {@code hv} with weight 1. */
  public void add(Hypervector hv) {
    add(hv, 1);
  }

  /**
   * Adds {@code hv} with the given weight.
   *
   * @param weight in {@code [1, MAX_WEIGHT]}
   * @throws IllegalArgumentException on a dimension mismatch or weight out of range
   * @throws ArithmeticException if a counter would overflow (the accumulator is unchanged)
   */
  public void add(Hypervector hv, int weight) {
    Objects.requireNonNull(hv, "hv must not be null");
    Dimension.requireSame(dimension, hv.dimension());
    apply(hv.words(), 0, checkWeight(weight));
  }

  /**
   * Adds the packed vector {@code words[offset .. offset + D/64)} with the given weight. The
   * allocation-free form used by the encoders; the array is read, never retained.
   *
   * @throws IndexOutOfBoundsException if the range lies outside the array
   */
  public void add(long[] words, int offset, int weight) {
    Objects.checkFromIndexSize(offset, dimension.words(), words.length);
    apply(words, offset, checkWeight(weight));
  }

  /**
   * Subtracts {@code hv} with the given weight (the exact inverse of {@link #add(Hypervector,
   * int)}).
   *
   * @param weight in {@code [1, MAX_WEIGHT]}
   */
  public void subtract(Hypervector hv, int weight) {
    Objects.requireNonNull(hv, "hv must not be null");
    Dimension.requireSame(dimension, hv.dimension());
    apply(hv.words(), 0, -checkWeight(weight));
  }

  /** Adds every vector of {@code vectors} with weight 1. */
  public void addAll(Collection<Hypervector> vectors) {
    for (Hypervector hv : vectors) {
      add(hv, 1);
    }
  }

  /** Adds another accumulator's counters (same dimension) to this one. */
  public void addAll(BundleAccumulator other) {
    Dimension.requireSame(dimension, other.dimension);
    long bound = magnitudeBound + other.magnitudeBound;
    if (bound > Integer.MAX_VALUE) {
      long exact = 0;
      for (int i = 0; i < counts.length; i++) {
        exact = Math.max(exact, Math.abs((long) counts[i] + other.counts[i]));
      }
      if (exact > Integer.MAX_VALUE) {
        throw new ArithmeticException(
            "accumulator counter would overflow int: |counter| would reach " + exact);
      }
      bound = exact;
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    totalWeight += other.totalWeight;
    magnitudeBound = bound;
    cached = null;
  }

  /** Resets every counter and the total weight to 0. */
  public void clear() {
    Arrays.fill(counts, 0);
    totalWeight = 0;
    magnitudeBound = 0;
    cached = null;
  }

  /** Returns the total weight: sum of added weights minus sum of subtracted weights. */
  public long count() {
    return totalWeight;
  }

  /**
   * Re-checks the invariants: every counter has the parity of {@link #count()} and none exceeds the
   * tracked magnitude bound. Cost {@code O(D)}.
   *
   * @throws IllegalStateException describing the first violation
   */
  public void validate() {
    int parity = (int) (totalWeight & 1);
    for (int i = 0; i < counts.length; i++) {
      if ((counts[i] & 1) != parity) {
        throw new IllegalStateException(
            "counter "
                + i
                + " = "
                + counts[i]
                + " has a parity different from count "
                + totalWeight);
      }
      if (Math.abs((long) counts[i]) > magnitudeBound) {
        throw new IllegalStateException("counter " + i + " exceeds the tracked magnitude bound");
      }
    }
  }

  /** Returns counter {@code bitIndex}. */
  public int counter(int bitIndex) {
    return counts[Objects.checkIndex(bitIndex, counts.length)];
  }

  /** Returns a copy of the counters. */
  public int[] copyCounts() {
    return counts.clone();
  }

  /** Returns an independent copy of this accumulator. */
  public BundleAccumulator copy() {
    BundleAccumulator c = new BundleAccumulator(dimension);
    System.arraycopy(counts, 0, c.counts, 0, counts.length);
    c.totalWeight = totalWeight;
    c.magnitudeBound = magnitudeBound;
    c.cached = cached;
    return c;
  }

  /**
   * Returns the majority vector with reproducible, unbiased tie-breaking (see class Javadoc).
   * Cached until the next update. Tied bits of word {@code j} take the bits of the {@code (j+1)}-th
   * output of a {@link SplitMix64} stream seeded by a hash of the vote's sign pattern (which
   * counters are positive, which are zero; the exact hash is in {@code BitKernels.tieSeed}). Two
   * different bundles thus get unrelated tie bits, while the same counters always give the same
   * vector, and {@link BitSlicedBundler} produces bit-identical results for unit weights.
   */
  public Hypervector toHypervector() {
    Hypervector c = cached;
    if (c == null) {
      long[] out = new long[dimension.words()];
      majorityInto(out, 0);
      c = Hypervector.wrap(dimension, out);
      cached = c;
    }
    return c;
  }

  /** Writes the majority vector into {@code dst[offset ..)}. */
  void majorityInto(long[] dst, int offset) {
    Hypervector c = cached;
    int words = dimension.words();
    if (c != null) {
      System.arraycopy(c.words(), 0, dst, offset, words);
      return;
    }
    long[] positive = new long[words];
    long[] tied = new long[words];
    for (int j = 0; j < words; j++) {
      long pos = 0;
      long zero = 0;
      int base = j << 6;
      for (int b = 0; b < 64; b++) {
        int v = counts[base + b];
        pos |= (long) ((-v) >>> 31) << b;
        zero |= (long) (((v | -v) >>> 31) ^ 1) << b;
      }
      positive[j] = pos;
      tied[j] = zero;
    }
    BitKernels.breakTies(positive, tied, words);
    System.arraycopy(positive, 0, dst, offset, words);
  }

  private static int checkWeight(int weight) {
    if (weight < 1 || weight > MAX_WEIGHT) {
      throw new IllegalArgumentException(
          "weight must be in [1, " + MAX_WEIGHT + "], was " + weight);
    }
    return weight;
  }

  private void apply(long[] words, int offset, int signedWeight) {
    long bound = magnitudeBound + Math.abs(signedWeight);
    if (bound > Integer.MAX_VALUE) {
      // The cheap bound is exceeded; compute the exact magnitudes after this update.
      bound = exactMagnitudeAfter(words, offset, signedWeight);
      if (bound > Integer.MAX_VALUE) {
        throw new ArithmeticException(
            "accumulator counter would overflow int: |counter| would reach " + bound);
      }
    }
    int twice = signedWeight << 1; // |signedWeight| <= 2^30, so this cannot overflow
    int[] masks = BYTE_MASKS;
    int n = dimension.words();
    for (int j = 0; j < n; j++) {
      long w = words[offset + j];
      int base = j << 6;
      for (int k = 0; k < 8; k++) {
        int t = ((int) (w >>> (k << 3)) & 0xFF) << 3;
        int c = base + (k << 3);
        counts[c] += (twice & masks[t]) - signedWeight;
        counts[c + 1] += (twice & masks[t + 1]) - signedWeight;
        counts[c + 2] += (twice & masks[t + 2]) - signedWeight;
        counts[c + 3] += (twice & masks[t + 3]) - signedWeight;
        counts[c + 4] += (twice & masks[t + 4]) - signedWeight;
        counts[c + 5] += (twice & masks[t + 5]) - signedWeight;
        counts[c + 6] += (twice & masks[t + 6]) - signedWeight;
        counts[c + 7] += (twice & masks[t + 7]) - signedWeight;
      }
    }
    totalWeight += signedWeight;
    magnitudeBound = bound;
    cached = null;
  }

  private long exactMagnitudeAfter(long[] words, int offset, int signedWeight) {
    long max = 0;
    for (int i = 0; i < counts.length; i++) {
      boolean one = (words[offset + (i >>> 6)] & (1L << i)) != 0;
      max = Math.max(max, Math.abs((long) counts[i] + (one ? signedWeight : -signedWeight)));
    }
    return max;
  }

  private int exactMagnitude() {
    int max = 0;
    for (int c : counts) {
      max = Math.max(max, Math.abs(c));
    }
    return max;
  }
}
