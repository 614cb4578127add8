package io.pipelineguard.hdc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An append-only store of {@code N} hypervectors in one flat row-major {@code long[]} (vector
 * {@code i} at words {@code [i*D/64, (i+1)*D/64)}), searched by a linear Hamming scan. Suited to
 * kNN over encoded samples (replay buffers, recent good runs); use {@link AssociativeMemory} for
 * labelled, learned prototypes.
 *
 * <p><b>Single writer.</b> {@link #add} must not run concurrently with anything else. Reads ({@link
 * #get}, {@link #nearest}, {@link #size}) never mutate, so any number of threads may read at once
 * while no thread writes.
 *
 * <p><b>Footprint.</b> {@code N * D/8} bytes (128 MB for 100,000 vectors at D = 10,240), plus up to
 * 2x while the array grows (capacity doubles). At most {@code (2^31 - 9) / (D/64)} vectors (about
 * 13.4 million at D = 10,240).
 *
 * <p><b>Cost.</b> {@link #nearest} reads the whole array once: {@code N} Hamming distances; it is
 * bound by memory bandwidth once the store outgrows the caches.
 */
public final class HypervectorStore {
  /** Number of queries scanned together by {@link #nearestBatch}. */
  private static final int QUERY_BLOCK = 8;

  private final Dimension dimension;
  private final int words;
  private long[] data;
  private int size;

  /** Creates an empty store with room for {@code initialCapacity} vectors before growing. */
  public HypervectorStore(Dimension dimension, int initialCapacity) {
    this.dimension = Objects.requireNonNull(dimension, "dimension must not be null");
    if (initialCapacity < 0) {
      throw new IllegalArgumentException("initialCapacity must be >= 0, was " + initialCapacity);
    }
    this.words = dimension.words();
    this.data = new long[Math.toIntExact(checkedWords(initialCapacity, words))];
  }

  private HypervectorStore(Dimension dimension, long[] data, int size) {
    this.dimension = dimension;
    this.words = dimension.words();
    this.data = data;
    this.size = size;
  }

  /**
   * Returns a store over the first {@code count} vectors of {@code flatWords}. <b>No copy is
   * made</b>: the caller must not modify the array afterwards (later {@link #add} calls copy it
   * into a larger array once it is full).
   *
   * @throws IllegalArgumentException if the array holds fewer than {@code count} vectors
   */
  public static HypervectorStore wrap(Dimension dimension, long[] flatWords, int count) {
    Objects.requireNonNull(dimension, "dimension must not be null");
    Objects.requireNonNull(flatWords, "flatWords must not be null");
    if (count < 0 || (long) count * dimension.words() > flatWords.length) {
      throw new IllegalArgumentException(
          "flatWords holds "
              + flatWords.length / dimension.words()
              + " vectors of "
              + dimension.bits()
              + " bits, count was "
              + count);
    }
    return new HypervectorStore(dimension, flatWords, count);
  }

  /** Returns the dimension. */
  public Dimension dimension() {
    return dimension;
  }

  /** Returns the number of stored vectors. */
  public int size() {
    return size;
  }

  /** Appends a copy of {@code hv}; returns its index. Amortised O(D/64). */
  public int add(Hypervector hv) {
    Objects.requireNonNull(hv, "hv must not be null");
    Dimension.requireSame(dimension, hv.dimension());
    long needed = checkedWords(size + 1L, words);
    if (needed > data.length) {
      long grown = Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, 2L * data.length));
      data = Arrays.copyOf(data, (int) grown);
    }
    System.arraycopy(hv.words(), 0, data, size * words, words);
    return size++;
  }

  /** Returns a copy of vector {@code index}. */
  public Hypervector get(int index) {
    Objects.checkIndex(index, size);
    return Hypervector.wrap(
        dimension, Arrays.copyOfRange(data, index * words, (index + 1) * words));
  }

  /**
   * Returns up to {@code k} stored vectors nearest to {@code query}, best first; ties go to the
   * lower index. Reads every stored vector once.
   */
  public List<IndexedMatch> nearest(Hypervector query, int k) {
    Objects.requireNonNull(query, "query must not be null");
    Dimension.requireSame(dimension, query.dimension());
    TopK.checkK(k);
    TopK top = new TopK(Math.min(k, Math.max(1, size)));
    long[] q = query.words();
    long[] d = data;
    int w = words;
    for (int i = 0, off = 0; i < size; i++, off += w) {
      top.offer(BitKernels.hammingDistance(q, 0, d, off, w), i);
    }
    return toMatches(top);
  }

  /**
   * Returns {@code nearest(q, k)} for every query, in order, with identical results, reading the
   * store once per block of {@value #QUERY_BLOCK} queries instead of once per query. For a store
   * larger than the caches this divides the memory traffic by up to 8 (HDC research notes §4.1).
   */
  public List<List<IndexedMatch>> nearestBatch(List<Hypervector> queries, int k) {
    Objects.requireNonNull(queries, "queries must not be null");
    TopK.checkK(k);
    for (Hypervector q : queries) {
      Objects.requireNonNull(q, "queries must not contain null");
      Dimension.requireSame(dimension, q.dimension());
    }
    int kk = Math.min(k, Math.max(1, size));
    List<List<IndexedMatch>> out = new ArrayList<>(queries.size());
    TopK[] tops = new TopK[QUERY_BLOCK];
    long[] d = data;
    int w = words;
    for (int start = 0; start < queries.size(); start += QUERY_BLOCK) {
      int end = Math.min(queries.size(), start + QUERY_BLOCK);
      for (int i = start; i < end; i++) {
        tops[i - start] = new TopK(kk);
      }
      for (int r = 0, off = 0; r < size; r++, off += w) {
        for (int i = start; i < end; i++) {
          long[] q = queries.get(i).words();
          tops[i - start].offer(BitKernels.hammingDistance(q, 0, d, off, w), r);
        }
      }
      for (int i = start; i < end; i++) {
        out.add(toMatches(tops[i - start]));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private List<IndexedMatch> toMatches(TopK top) {
    List<IndexedMatch> out = new ArrayList<>(top.size());
    for (int i = 0; i < top.size(); i++) {
      int dist = top.distance(i);
      out.add(new IndexedMatch(top.index(i), Hypervector.similarity(dist, dimension.bits()), dist));
    }
    return Collections.unmodifiableList(out);
  }

  private static long checkedWords(long vectors, int words) {
    long needed = vectors * words;
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "hypervector store is full: " + vectors + " vectors of " + words + " words");
    }
    return needed;
  }
}
