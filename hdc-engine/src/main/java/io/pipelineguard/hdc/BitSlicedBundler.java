package io.pipelineguard.hdc;

import java.util.Arrays;
import java.util.Objects;

/**
 * Majority bundling of unit-weight votes with bit-sliced counters: the per-bit vote counts are
 * stored as {@code P = ceil(log2(count + 1))} bit planes of {@code D/64} words, added with a
 * ripple-carry adder that works on 64 bits at once, and compared against {@code count / 2} with a
 * bitwise comparator. No per-bit integers are touched, which makes it several times faster than
 * {@link BundleAccumulator} when a binary result of a few to a few thousand votes is all that is
 * needed (an n-gram line vector, {@link Hypervector#bundle}).
 *
 * <p>{@link #toHypervector()} is <b>bit-identical</b> to a {@link BundleAccumulator} given the same
 * vectors with weight 1, tie-breaking included. No weights, no subtraction: use {@link
 * BundleAccumulator} for learning.
 *
 * <p><b>Single writer</b>, not thread-safe. Footprint {@code (P + 1) * D/8} bytes, at least {@code
 * 9 * D/8} (11.5 KB at D = 10,240). Cost per {@link #add}: one pass over {@code D/64} words plus
 * carries (on average about two planes per word); {@link #toHypervector()}: {@code P} passes over
 * {@code D/64} words.
 */
public final class BitSlicedBundler {
  private final Dimension dimension;
  private final int words;
  private final long[] carries;
  private long[] planes;
  private int planeCount;
  private int count;

  /** Creates an empty bundler. */
  public BitSlicedBundler(Dimension dimension) {
    this.dimension = Objects.requireNonNull(dimension, "dimension must not be null");
    this.words = dimension.words();
    this.planes = new long[8 * words];
    this.carries = new long[words];
  }

  /** Returns the dimension. */
  public Dimension dimension() {
    return dimension;
  }

  /** Returns the number of vectors added since creation or the last {@link #clear()}. */
  public int count() {
    return count;
  }

  /** Forgets every vote; keeps the allocated planes. */
  public void clear() {
    Arrays.fill(planes, 0, planeCount * words, 0L);
    planeCount = 0;
    count = 0;
  }

  /** Adds one vote for {@code hv}. */
  public void add(Hypervector hv) {
    Objects.requireNonNull(hv, "hv must not be null");
    Dimension.requireSame(dimension, hv.dimension());
    addUnchecked(hv.words(), 0);
  }

  /**
   * Adds one vote for the packed vector {@code src[offset .. offset + D/64)} (read, not retained).
   */
  public void add(long[] src, int offset) {
    Objects.checkFromIndexSize(offset, words, src.length);
    addUnchecked(src, offset);
  }

  private void addUnchecked(long[] src, int offset) {
    if (count == Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("bit-sliced bundler is full: " + count + " votes");
    }
    // The per-bit sum after this add is at most count + 1, which must fit in planeCount bits.
    if (count + 1L >= (1L << planeCount)) {
      planeCount++;
      if (planeCount * words > planes.length) {
        planes = Arrays.copyOf(planes, Math.max(planeCount, 2 * (planes.length / words)) * words);
      }
    }
    // Ripple-carry, plane by plane: branch-free inner loops over words (no per-word carry-length
    // mispredictions), stopping once no word carries any more.
    long[] pl = planes;
    long[] carry = carries;
    int w = words;
    long any = 0;
    for (int j = 0; j < w; j++) {
      long p = pl[j];
      long c = src[offset + j];
      pl[j] = p ^ c;
      long t = p & c;
      carry[j] = t;
      any |= t;
    }
    for (int q = 1; q < planeCount && any != 0; q++) {
      int base = q * w;
      any = 0;
      for (int j = 0; j < w; j++) {
        long p = pl[base + j];
        long c = carry[j];
        pl[base + j] = p ^ c;
        long t = p & c;
        carry[j] = t;
        any |= t;
      }
    }
    count++;
  }

  /** Returns the majority vector; see the class Javadoc. Cost {@code O(P * D/64)}. */
  public Hypervector toHypervector() {
    long[] positive = new long[words];
    long[] tied = new long[words];
    int threshold = count >>> 1;
    boolean even = (count & 1) == 0;
    for (int j = 0; j < words; j++) {
      long greater = 0;
      long equal = -1L;
      for (int p = planeCount - 1; p >= 0; p--) {
        long plane = planes[p * words + j];
        if (((threshold >>> p) & 1) != 0) {
          equal &= plane;
        } else {
          greater |= equal & plane;
          equal &= ~plane;
        }
      }
      positive[j] = greater;
      tied[j] = even ? equal : 0L;
    }
    BitKernels.breakTies(positive, tied, words);
    return Hypervector.wrap(dimension, positive);
  }
}
