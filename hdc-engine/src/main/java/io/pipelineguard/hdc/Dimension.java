package io.pipelineguard.hdc;

import java.lang.System.Logger.Level;

/**
 * The number of bits of a binary hypervector. Immutable value.
 *
 * <p>A dimension is always a positive multiple of 64 so that a hypervector packs exactly into
 * {@link #words()} {@code long}s with no padding bits to mask. The upper bound {@link #MAX_BITS}
 * keeps sizes read from files and configuration far away from {@code int} overflow.
 */
public final class Dimension {
  /** Largest supported dimension in bits (2<sup>20</sup>, i.e. 128 KiB per vector). */
  public static final int MAX_BITS = 1 << 20;

  /** The default dimension: 10,240 bits = 160 longs = 1,280 bytes per vector. */
  public static final Dimension DEFAULT = new Dimension(10_240);

  private static final System.Logger LOG = System.getLogger(Dimension.class.getName());

  private final int bits;

  private Dimension(int bits) {
    this.bits = bits;
  }

  /**
   * Returns the dimension of exactly {@code bits} bits.
   *
   * @param bits number of bits, a positive multiple of 64, at most {@link #MAX_BITS}
   * @throws IllegalArgumentException if {@code bits} is not a positive multiple of 64 or too large
   */
  public static Dimension of(int bits) {
    if (bits <= 0 || (bits & 63) != 0) {
      throw new IllegalArgumentException(
          "dimension must be a positive multiple of 64, was " + bits);
    }
    if (bits > MAX_BITS) {
      throw new IllegalArgumentException("dimension must be <= " + MAX_BITS + " bits, was " + bits);
    }
    return bits == DEFAULT.bits ? DEFAULT : new Dimension(bits);
  }

  /**
   * Returns the smallest valid dimension holding at least {@code requestedBits} bits. When the
   * request is not a multiple of 64, one INFO line is logged through {@link System.Logger} naming
   * both numbers (for example {@code HDC_DIMENSION=10000} becomes 10,048 bits).
   *
   * @param requestedBits requested number of bits, positive, at most {@link #MAX_BITS}
   * @throws IllegalArgumentException if the request is not positive or exceeds {@link #MAX_BITS}
   */
  public static Dimension roundedUp(int requestedBits) {
    if (requestedBits <= 0) {
      throw new IllegalArgumentException("dimension must be positive, was " + requestedBits);
    }
    if (requestedBits > MAX_BITS) {
      throw new IllegalArgumentException(
          "dimension must be <= " + MAX_BITS + " bits, was " + requestedBits);
    }
    int rounded = (requestedBits + 63) & ~63;
    if (rounded != requestedBits) {
      LOG.log(
          Level.INFO,
          "hypervector dimension {0} is not a multiple of 64 bits; rounded up to {1}",
          Integer.toString(requestedBits),
          Integer.toString(rounded));
    }
    return of(rounded);
  }

  /** Returns the number of bits. */
  public int bits() {
    return bits;
  }

  /** Returns the number of 64-bit words, {@code bits() / 64}. */
  public int words() {
    return bits >>> 6;
  }

  /** Returns the number of bytes of one packed vector, {@code bits() / 8}. */
  public int bytes() {
    return bits >>> 3;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dimension other && other.bits == bits;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(bits);
  }

  @Override
  public String toString() {
    return "D=" + bits;
  }

  /** Throws an {@link IllegalArgumentException} naming both dimensions unless they are equal. */
  static void requireSame(Dimension expected, Dimension actual) {
    if (expected.bits != actual.bits) {
      throw new IllegalArgumentException(
          "dimension mismatch: expected " + expected.bits + " bits, was " + actual.bits + " bits");
    }
  }
}
