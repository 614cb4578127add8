package io.pipelineguard.hdc;

/**
 * The SplitMix64 pseudo-random stream (Steele, Lea, Flood 2014; the generator behind {@link
 * java.util.SplittableRandom} with its default gamma). Specified exactly so that every machine and
 * JDK derives the same hypervectors from the same seed:
 *
 * <pre>{@code
 * state += 0x9E3779B97F4A7C15L;
 * return mix64(state);   // z = (z ^ z>>>30) * 0xBF58476D1CE4E5B9L;
 *                        // z = (z ^ z>>>27) * 0x94D049BB133111EBL;
 *                        // return z ^ z>>>31;
 * }</pre>
 *
 * <p>Not thread-safe: each instance is a small mutable cursor; give each thread its own. Each call
 * costs a handful of integer operations and allocates nothing.
 */
public final class SplitMix64 {
  /** The additive constant (golden-ratio gamma) of the stream. */
  public static final long GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  /** Creates a stream whose first output is {@code mix64(seed + GAMMA)}. */
  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** Returns the next 64 pseudo-random bits. */
  public long nextLong() {
    state += GAMMA;
    return mix64(state);
  }

  /**
   * Returns a uniformly distributed int in {@code [0, bound)} using Lemire's multiply-shift with
   * rejection (exactly unbiased).
   *
   * @param bound exclusive upper bound, positive
   */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, was " + bound);
    }
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFF_FFFFL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFF_FFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /** The SplitMix64 finaliser (Stafford's variant 13): a bijective 64-bit avalanche mix. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
