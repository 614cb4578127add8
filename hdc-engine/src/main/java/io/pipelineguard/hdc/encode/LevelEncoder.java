package io.pipelineguard.hdc.encode;

import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import io.pipelineguard.hdc.ItemMemory;
import io.pipelineguard.hdc.SplitMix64;
import java.util.Objects;

/**
 * Encodes a number in {@code [min, max]} as one of {@code L} level vectors built by progressive bit
 * flips: level 0 is a random vector; level {@code j} flips the first {@code floor(j * (D/2) /
 * (L-1))} bits of a seeded random bit order. Neighbouring levels are similar, the Hamming distance
 * between levels {@code a} and {@code b} grows linearly with {@code |a - b|}, and the first and
 * last levels differ in exactly {@code D/2} bits (similarity 0: orthogonal).
 *
 * <p><b>Clamping.</b> Values below {@code min} encode as level 0 and values above {@code max} as
 * level {@code L-1}; the value maps to level {@code round((v - min) / (max - min) * (L-1))}. NaN is
 * rejected with {@link IllegalArgumentException}. Apply log scaling or robust normalisation before
 * encoding if the metric is skewed.
 *
 * <p>Immutable and thread-safe. Levels are precomputed: footprint {@code L * D/8} bytes (12.5 KiB
 * for 10 levels at D = 10,240); {@link #encode} costs a few arithmetic operations and allocates
 * nothing.
 */
public final class LevelEncoder {
  /** Largest number of levels. */
  public static final int MAX_LEVELS = 4096;

  private final double min;
  private final double max;
  private final Hypervector[] levels;

  private LevelEncoder(Builder b) {
    this.min = b.min;
    this.max = b.max;
    int bits = b.dimension.bits();
    int half = bits / 2;
    int count = b.levels;
    if (count - 1 > half) {
      throw new IllegalArgumentException(
          "levels must be <= D/2 + 1 = " + (half + 1) + " for " + bits + " bits, was " + count);
    }
    int[] order = BitFlips.randomOrder(bits, half, SplitMix64.mix64(b.seed));
    long[] words = Hypervector.random(b.dimension, b.seed).copyWords();
    this.levels = new Hypervector[count];
    int flipped = 0;
    for (int j = 0; j < count; j++) {
      int target = (int) ((long) j * half / (count - 1));
      BitFlips.flip(words, order, flipped, target);
      flipped = target;
      levels[j] = Hypervector.fromWords(b.dimension, words);
    }
  }

  /** Returns a builder whose vectors derive from {@code seed}. */
  public static Builder builder(Dimension dimension, long seed) {
    return new Builder(dimension, seed);
  }

  /**
   * Returns a builder whose seed is {@code items.seed("lvl", name)}, so each named metric has its
   * own, reproducible levels.
   */
  public static Builder builder(ItemMemory items, String name) {
    return new Builder(items.dimension(), items.seed("lvl", name));
  }

  /** Returns the number of levels. */
  public int levels() {
    return levels.length;
  }

  /** Returns the lower bound of the range. */
  public double min() {
    return min;
  }

  /** Returns the upper bound of the range. */
  public double max() {
    return max;
  }

  /** Returns the level index of {@code value}, clamped (see class Javadoc). */
  public int indexOf(double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("value must not be NaN");
    }
    if (value <= min) {
      return 0;
    }
    if (value >= max) {
      return levels.length - 1;
    }
    return (int) Math.round((value - min) / (max - min) * (levels.length - 1));
  }

  /** Returns the vector of {@code value}, clamped to {@code [min, max]}. */
  public Hypervector encode(double value) {
    return levels[indexOf(value)];
  }

  /** Returns level {@code index}. */
  public Hypervector level(int index) {
    return levels[Objects.checkIndex(index, levels.length)];
  }

  /** Builder of {@link LevelEncoder}; defaults: range [0, 1], 32 levels. */
  public static final class Builder {
    private final Dimension dimension;
    private final long seed;
    private double min = 0.0;
    private double max = 1.0;
    private int levels = 32;

    private Builder(Dimension dimension, long seed) {
      this.dimension = Objects.requireNonNull(dimension, "dimension must not be null");
      this.seed = seed;
    }

    /** Sets the range; both finite, {@code min < max}. */
    public Builder range(double min, double max) {
      if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
        throw new IllegalArgumentException(
            "range must be finite with min < max, was [" + min + ", " + max + "]");
      }
      this.min = min;
      this.max = max;
      return this;
    }

    /** Sets the number of levels, in {@code [2, MAX_LEVELS]} and at most {@code D/2 + 1}. */
    public Builder levels(int levels) {
      if (levels < 2 || levels > MAX_LEVELS) {
        throw new IllegalArgumentException(
            "levels must be in [2, " + MAX_LEVELS + "], was " + levels);
      }
      this.levels = levels;
      return this;
    }

    /** Builds the encoder, precomputing every level. */
    public LevelEncoder build() {
      return new LevelEncoder(this);
    }
  }
}
