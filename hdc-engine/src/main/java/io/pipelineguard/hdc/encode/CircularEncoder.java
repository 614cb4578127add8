package io.pipelineguard.hdc.encode;

import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import io.pipelineguard.hdc.ItemMemory;
import io.pipelineguard.hdc.SplitMix64;
import java.util.Objects;

/**
 * Encodes a periodic value (hour of day, weekday, minute of hour) as one of {@code L} vectors
 * arranged on a circle: neighbours are similar, the last level is again close to the first
 * (wrap-around), and opposite points are orthogonal. With {@code t(j) = round(j * D / L)} and a
 * seeded random order of {@code D/2} bits, level {@code j} flips bits {@code [0, t)} of a random
 * base vector when {@code t <= D/2}, and bits {@code [t - D/2, D/2)} otherwise. The Hamming
 * distance between two levels is then (up to rounding) {@code D * c / L}, with {@code c} their
 * circular distance in steps.
 *
 * <p>{@link #encode} reduces the value modulo the period (so 24 h encodes like 0 h and -1 like 23)
 * and rounds to the nearest level; NaN and infinities are rejected.
 *
 * <p>Immutable and thread-safe. Footprint {@code L * D/8} bytes; {@link #encode} allocates nothing.
 */
public final class CircularEncoder {
  /** Largest number of levels. */
  public static final int MAX_LEVELS = 4096;

  private final double period;
  private final Hypervector[] levels;

  private CircularEncoder(Builder b) {
    this.period = b.period;
    int count = b.levels == 0 ? (int) Math.round(b.period) : b.levels;
    if (count < 2 || count > MAX_LEVELS) {
      throw new IllegalArgumentException("levels must be in [2, " + MAX_LEVELS + "], was " + count);
    }
    int bits = b.dimension.bits();
    int half = bits / 2;
    int[] order = BitFlips.randomOrder(bits, half, SplitMix64.mix64(b.seed));
    long[] base = Hypervector.random(b.dimension, b.seed).copyWords();
    this.levels = new Hypervector[count];
    for (int j = 0; j < count; j++) {
      int t = (int) Math.round((double) j * bits / count);
      long[] words = base.clone();
      if (t <= half) {
        BitFlips.flip(words, order, 0, t);
      } else {
        BitFlips.flip(words, order, t - half, half);
      }
      levels[j] = Hypervector.fromWords(b.dimension, words);
    }
  }

  /** Returns a builder whose vectors derive from {@code seed}. */
  public static Builder builder(Dimension dimension, long seed) {
    return new Builder(dimension, seed);
  }

  /** Returns a builder seeded with {@code items.seed("circ", name)}. */
  public static Builder builder(ItemMemory items, String name) {
    return new Builder(items.dimension(), items.seed("circ", name));
  }

  /** Returns the number of levels. */
  public int levels() {
    return levels.length;
  }

  /** Returns the period. */
  public double period() {
    return period;
  }

  /** Returns the level index of {@code value} (reduced modulo the period, then rounded). */
  public int indexOf(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value must be finite, was " + value);
    }
    double phase = value - period * Math.floor(value / period);
    int idx = (int) Math.round(phase / period * levels.length);
    return idx >= levels.length ? idx - levels.length : idx;
  }

  /** Returns the vector of {@code value}. */
  public Hypervector encode(double value) {
    return levels[indexOf(value)];
  }

  /** Returns level {@code index}. */
  public Hypervector level(int index) {
    return levels[Objects.checkIndex(index, levels.length)];
  }

  /**
   * Builder of {@link CircularEncoder}; defaults: period 24 (hours), one level per unit of the
   * period.
   */
  public static final class Builder {
    private final Dimension dimension;
    private final long seed;
    private double period = 24.0;
    private int levels;

    private Builder(Dimension dimension, long seed) {
      this.dimension = Objects.requireNonNull(dimension, "dimension must not be null");
      this.seed = seed;
    }

    /** Sets the period, finite and positive (24 for hours, 7 for weekdays). */
    public Builder period(double period) {
      if (!Double.isFinite(period) || !(period > 0)) {
        throw new IllegalArgumentException("period must be finite and > 0, was " + period);
      }
      this.period = period;
      return this;
    }

    /** Sets the number of levels, in {@code [2, MAX_LEVELS]}; default: the period rounded. */
    public Builder levels(int levels) {
      if (levels < 2 || levels > MAX_LEVELS) {
        throw new IllegalArgumentException(
            "levels must be in [2, " + MAX_LEVELS + "], was " + levels);
      }
      this.levels = levels;
      return this;
    }

    /** Builds the encoder, precomputing every level. */
    public CircularEncoder build() {
      return new CircularEncoder(this);
    }
  }
}
