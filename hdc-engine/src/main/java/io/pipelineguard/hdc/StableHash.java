package io.pipelineguard.hdc;

import java.util.Objects;

/**
 * A specified 64-bit hash of {@code (seed, namespace, token)}, identical on every machine and JDK.
 * Item vectors are derived from it, so changing a single constant below silently changes every
 * learned model: bump {@link #VERSION} (which the file format records) if it ever must change.
 *
 * <h2>Algorithm (version 1)</h2>
 *
 * <ol>
 *   <li>{@code h = 0xCBF29CE484222325L ^ SplitMix64.mix64(seed)} (FNV-1a 64 offset basis mixed with
 *       the seed).
 *   <li>Feed, in order, the bytes of: the UTF-8 encoding of {@code namespace}; its UTF-8 byte
 *       length as 4 bytes little-endian; the UTF-8 encoding of {@code token}; its UTF-8 byte length
 *       as 4 bytes little-endian. The length suffixes make the pair unambiguous ({@code ("ab","c")}
 *       and {@code ("a","bc")} differ). UTF-8 is exactly what {@code
 *       String.getBytes(StandardCharsets.UTF_8)} produces: an unpaired surrogate is encoded as
 *       {@code '?'} (0x3F).
 *   <li>Each byte {@code b} updates {@code h = (h ^ (b & 0xFF)) * 0x100000001B3L} (FNV-1a 64).
 *   <li>Return {@code SplitMix64.mix64(h)} (avalanche finaliser; FNV alone mixes high bits poorly).
 * </ol>
 *
 * <p>Cost: about one multiply per UTF-8 byte; encodes on the fly and allocates nothing. Not a
 * cryptographic hash: do not use it where an adversary benefits from collisions.
 */
public final class StableHash {
  /** Version of the algorithm above; recorded in persisted models. */
  public static final int VERSION = 1;

  private static final long FNV_OFFSET = 0xCBF29CE484222325L;
  private static final long FNV_PRIME = 0x100000001B3L;

  private StableHash() {}

  /**
   * Returns the version-1 hash of {@code (seed, namespace, token)} described in the class Javadoc.
   *
   * @param seed model seed
   * @param namespace namespace such as {@code "tok"}, {@code "key"} or {@code "lvl"}; not null
   * @param token the token; not null
   */
  public static long hash64(long seed, String namespace, String token) {
    Objects.requireNonNull(namespace, "namespace must not be null");
    Objects.requireNonNull(token, "token must not be null");
    long h = FNV_OFFSET ^ SplitMix64.mix64(seed);
    h = feedString(h, namespace);
    h = feedString(h, token);
    return SplitMix64.mix64(h);
  }

  private static long feedString(long h, String s) {
    int byteLength = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        h = feed(h, c);
        byteLength += 1;
      } else if (c < 0x800) {
        h = feed(h, 0xC0 | (c >>> 6));
        h = feed(h, 0x80 | (c & 0x3F));
        byteLength += 2;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          h = feed(h, 0xF0 | (cp >>> 18));
          h = feed(h, 0x80 | ((cp >>> 12) & 0x3F));
          h = feed(h, 0x80 | ((cp >>> 6) & 0x3F));
          h = feed(h, 0x80 | (cp & 0x3F));
          byteLength += 4;
        } else {
          h = feed(h, '?');
          byteLength += 1;
        }
      } else {
        h = feed(h, 0xE0 | (c >>> 12));
        h = feed(h, 0x80 | ((c >>> 6) & 0x3F));
        h = feed(h, 0x80 | (c & 0x3F));
        byteLength += 3;
      }
    }
    h = feed(h, byteLength);
    h = feed(h, byteLength >>> 8);
    h = feed(h, byteLength >>> 16);
    return feed(h, byteLength >>> 24);
  }

  private static long feed(long h, int b) {
    return (h ^ (b & 0xFF)) * FNV_PRIME;
  }
}
