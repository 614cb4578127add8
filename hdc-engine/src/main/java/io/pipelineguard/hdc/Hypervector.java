package io.pipelineguard.hdc;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * An immutable binary hypervector (binary spatter code, BSC): {@link Dimension#bits()} bits packed
 * little-endian into a {@code final long[]} (bit {@code i} is bit {@code i & 63} of word {@code i
 * >>> 6}). The array is never exposed; {@link #copyWords()} returns a copy.
 *
 * <p>Operations: {@link #bind} (XOR, self-inverse, commutative), {@link #permute}/{@link
 * #unpermute} (cyclic rotation), {@link #bundle} (majority, see {@link BundleAccumulator}) and
 * {@link #hammingDistance}/{@link #similarity}. Each pure operation returns a new vector and costs
 * one pass over {@code D/64} words (1,280 bytes at the default dimension); distances allocate
 * nothing.
 *
 * <p>Thread-safe: instances are immutable. Combining vectors of different dimensions throws an
 * {@link IllegalArgumentException} naming both dimensions.
 */
public final class Hypervector {
  private final Dimension dimension;
  private final long[] words;

  private Hypervector(Dimension dimension, long[] words) {
    this.dimension = dimension;
    this.words = words;
  }

  /** Wraps {@code words} without copying; callers inside the package must not keep a reference. */
  static Hypervector wrap(Dimension dimension, long[] words) {
    return new Hypervector(dimension, words);
  }

  /** Returns the backing array without copying; package-internal fast paths only, never mutate. */
  long[] words() {
    return words;
  }

  /**
   * Returns a deterministic pseudo-random vector: word {@code j} is the {@code (j+1)}-th output of
   * {@code new SplitMix64(seed)}. Bits are independent with density 1/2, so two vectors from
   * different seeds are quasi-orthogonal (similarity ~0, standard deviation {@code 1/sqrt(D)}).
   */
  public static Hypervector random(Dimension dimension, long seed) {
    Objects.requireNonNull(dimension, "dimension must not be null");
    long[] w = new long[dimension.words()];
    fillRandom(seed, w, 0, w.length);
    return new Hypervector(dimension, w);
  }

  /** Writes the words of {@code random(dimension, seed)} into {@code dst[offset ..)}. */
  static void fillRandom(long seed, long[] dst, int offset, int words) {
    SplitMix64 rng = new SplitMix64(seed);
    for (int i = 0; i < words; i++) {
      dst[offset + i] = rng.nextLong();
    }
  }

  /** Returns the all-zero vector (the identity of {@link #bind}). */
  public static Hypervector zeros(Dimension dimension) {
    Objects.requireNonNull(dimension, "dimension must not be null");
    return new Hypervector(dimension, new long[dimension.words()]);
  }

  /**
   * Returns a vector holding a copy of {@code words}.
   *
   * @throws IllegalArgumentException if {@code words.length != dimension.words()}
   */
  public static Hypervector fromWords(Dimension dimension, long[] words) {
    Objects.requireNonNull(dimension, "dimension must not be null");
    Objects.requireNonNull(words, "words must not be null");
    if (words.length != dimension.words()) {
      throw new IllegalArgumentException(
          "words.length must be "
              + dimension.words()
              + " for "
              + dimension.bits()
              + " bits, was "
              + words.length);
    }
    return new Hypervector(dimension, words.clone());
  }

  /**
   * Returns the majority bundle of {@code vectors}, each with weight 1, ties broken as {@link
   * BundleAccumulator#toHypervector()} describes (computed with a {@link BitSlicedBundler}, so the
   * cost is {@code O(n * D/64 + D/64 * log n)} word operations).
   *
   * @throws IllegalArgumentException if the collection is empty or dimensions differ
   */
  public static Hypervector bundle(Collection<Hypervector> vectors) {
    Objects.requireNonNull(vectors, "vectors must not be null");
    if (vectors.isEmpty()) {
      throw new IllegalArgumentException("cannot bundle an empty collection of hypervectors");
    }
    BitSlicedBundler bundler = new BitSlicedBundler(vectors.iterator().next().dimension);
    for (Hypervector v : vectors) {
      bundler.add(v);
    }
    return bundler.toHypervector();
  }

  /** Returns the dimension. */
  public Dimension dimension() {
    return dimension;
  }

  /** Returns a copy of the packed words. */
  public long[] copyWords() {
    return words.clone();
  }

  /** Returns word {@code index} (bits {@code 64*index .. 64*index+63}). */
  public long word(int index) {
    return words[Objects.checkIndex(index, words.length)];
  }

  /** Returns bit {@code index}. */
  public boolean bit(int index) {
    Objects.checkIndex(index, dimension.bits());
    return (words[index >>> 6] & (1L << index)) != 0;
  }

  /** Returns the number of set bits. */
  public int popCount() {
    return BitKernels.popCount(words, 0, words.length);
  }

  /**
   * Returns {@code this XOR other}. Binding is self-inverse ({@code a.bind(b).bind(b) == a}),
   * commutative and associative, and the result is quasi-orthogonal to both inputs.
   */
  public Hypervector bind(Hypervector other) {
    requireSameDimension(other);
    long[] out = words.clone();
    BitKernels.xorInto(out, 0, other.words, 0, out.length);
    return new Hypervector(dimension, out);
  }

  /**
   * Returns this vector rotated by {@code shiftBits}: bit {@code i} moves to {@code (i + shiftBits)
   * mod D}. Negative shifts rotate the other way. Multiples of 64 take a word-copy fast path (the
   * encoders use whole-word rotations). {@code permute(s).unpermute(s)} is the identity.
   */
  public Hypervector permute(int shiftBits) {
    long[] out = new long[words.length];
    BitKernels.rotate(words, 0, out, 0, words.length, shiftBits);
    return new Hypervector(dimension, out);
  }

  /** Inverse of {@link #permute}: rotates by {@code -shiftBits}. */
  public Hypervector unpermute(int shiftBits) {
    long[] out = new long[words.length];
    BitKernels.rotate(words, 0, out, 0, words.length, -(long) shiftBits);
    return new Hypervector(dimension, out);
  }

  /**
   * Returns the number of bit positions where this vector and {@code other} differ. Allocates
   * nothing.
   */
  public int hammingDistance(Hypervector other) {
    requireSameDimension(other);
    return BitKernels.hammingDistance(words, 0, other.words, 0, words.length);
  }

  /**
   * Returns {@code 1 - 2 * hammingDistance / D} in {@code [-1, 1]}: 1 for equal vectors, about 0
   * for unrelated ones, -1 for complements. Allocates nothing.
   */
  public double similarity(Hypervector other) {
    return similarity(hammingDistance(other), dimension.bits());
  }

  /** Returns {@code 1 - 2 * distance / bits}. */
  static double similarity(int distance, int bits) {
    return 1.0 - 2.0 * distance / bits;
  }

  private void requireSameDimension(Hypervector other) {
    Objects.requireNonNull(other, "other must not be null");
    Dimension.requireSame(dimension, other.dimension);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hypervector other
        && other.dimension.equals(dimension)
        && Arrays.equals(other.words, words);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "Hypervector[" + dimension + ", popCount=" + popCount() + "]";
  }
}
