package io.pipelineguard.hdc;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps symbols to quasi-orthogonal random hypervectors without storing a codebook: {@code
 * vector(ns, token) = Hypervector.random(D, StableHash.hash64(modelSeed, ns, token))}. The same
 * {@code (dimension, modelSeed, namespace, token)} gives the same vector in every instance,
 * process, machine and JDK, so item vectors never need to be shipped (HDC research notes §3.5).
 *
 * <p>Namespaces keep symbol families apart (a token {@code "error"} and a key {@code "error"} get
 * unrelated vectors); the engine uses e.g. {@code "tok"}, {@code "char"}, {@code "key"}, {@code
 * "lvl"}, {@code "pos"}.
 *
 * <p><b>Thread-safe.</b> Immutable apart from an optional cache held in a {@link
 * ConcurrentHashMap}. <b>Cache bound:</b> at most {@code cacheCapacity} entries (plus one per
 * thread inserting at the same instant) (default {@value #DEFAULT_CACHE_CAPACITY}, about {@code
 * cacheCapacity * (D/8 + 100)} bytes, ~5.6 MB at D = 10,240); when an insert finds it full, the
 * whole cache is cleared (epoch eviction: O(1) amortised, no LRU bookkeeping on the read path).
 * Capacity 0 disables caching.
 *
 * <p><b>Cost.</b> A miss hashes the UTF-8 bytes of namespace and token (no allocation) and draws
 * {@code D/64} SplitMix64 outputs (well under a microsecond at D = 10,240); a hit is one map lookup
 * plus a small key object.
 */
public final class ItemMemory {
  /** Default number of cached vectors. */
  public static final int DEFAULT_CACHE_CAPACITY = 4096;

  private final Dimension dimension;
  private final long modelSeed;
  private final int cacheCapacity;
  private final ConcurrentHashMap<Key, Hypervector> cache;

  private record Key(String namespace, String token) {}

  /** Creates an item memory with the default cache capacity. */
  public ItemMemory(Dimension dimension, long modelSeed) {
    this(dimension, modelSeed, DEFAULT_CACHE_CAPACITY);
  }

  /**
   * Creates an item memory.
   *
   * @param cacheCapacity maximum number of cached vectors, 0 to disable the cache
   */
  public ItemMemory(Dimension dimension, long modelSeed, int cacheCapacity) {
    this.dimension = Objects.requireNonNull(dimension, "dimension must not be null");
    if (cacheCapacity < 0) {
      throw new IllegalArgumentException("cacheCapacity must be >= 0, was " + cacheCapacity);
    }
    this.modelSeed = modelSeed;
    this.cacheCapacity = cacheCapacity;
    this.cache = cacheCapacity == 0 ? null : new ConcurrentHashMap<>();
  }

  /** Returns the dimension of the vectors produced. */
  public Dimension dimension() {
    return dimension;
  }

  /** Returns the model seed. */
  public long modelSeed() {
    return modelSeed;
  }

  /** Returns the cache bound (0 when caching is off). */
  public int cacheCapacity() {
    return cacheCapacity;
  }

  /** Returns the seed of {@code (namespace, token)}: {@code StableHash.hash64(modelSeed, ...)}. */
  public long seed(String namespace, String token) {
    return StableHash.hash64(modelSeed, namespace, token);
  }

  /** Returns the item vector of {@code token} in {@code namespace}. */
  public Hypervector vector(String namespace, String token) {
    if (cache == null) {
      return Hypervector.random(dimension, seed(namespace, token));
    }
    Key key = new Key(namespace, token);
    Hypervector hv = cache.get(key);
    if (hv == null) {
      hv = Hypervector.random(dimension, seed(namespace, token));
      if (cache.size() >= cacheCapacity) {
        cache.clear();
      }
      cache.putIfAbsent(key, hv);
    }
    return hv;
  }

  /**
   * Writes the words of {@code vector(namespace, token)} into {@code dst[offset .. offset+D/64)}
   * without allocating (bypasses the cache). The allocation-free path of the encoders.
   */
  public void writeVector(String namespace, String token, long[] dst, int offset) {
    Objects.checkFromIndexSize(offset, dimension.words(), dst.length);
    Hypervector.fillRandom(seed(namespace, token), dst, offset, dimension.words());
  }

  @Override
  public String toString() {
    return "ItemMemory[" + dimension + ", modelSeed=" + modelSeed + "]";
  }
}
