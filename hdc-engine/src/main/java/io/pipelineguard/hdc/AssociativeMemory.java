package io.pipelineguard.hdc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Labelled class prototypes: an integer {@link BundleAccumulator} per label for learning ("integer
 * training") and a binary copy of every prototype for search ("binary inference"), kept in one flat
 * row-major {@code long[]} (row {@code r} at words {@code [r*D/64, (r+1)*D/64)}). A learning update
 * marks its row dirty; the next search re-binarises dirty rows only.
 *
 * <p><b>Single writer, not thread-safe.</b> Every method, searches included, may mutate internal
 * state (searches re-binarise dirty rows), so all calls must come from one thread or be externally
 * synchronised. Use {@link ConcurrentAssociativeMemory} to share a memory between threads.
 *
 * <p><b>Footprint.</b> About {@code N * (D/8 + 4*D)} bytes for {@code N} labels: {@code D/8} bytes
 * of bits plus {@code 4*D} bytes of counters per label (41 KiB per label at D = 10,240).
 *
 * <p><b>Cost.</b> {@code learn}/{@code unlearn}: one accumulator pass over {@code D} counters. A
 * search: re-binarising the dirty rows, then {@code N} Hamming distances over {@code D/64} words
 * (≈0.1 µs each at D = 10,240) plus O(k) per accepted candidate. Ties between equal distances go to
 * the label learned first.
 */
public final class AssociativeMemory implements PrototypeMemory {
  /** Longest accepted label, in chars. */
  public static final int MAX_LABEL_LENGTH = 1024;

  /** Number of queries scanned together by {@link #nearestBatch} (keeps them in L1 cache). */
  private static final int QUERY_BLOCK = 8;

  private final Dimension dimension;
  private final int words;
  private final List<String> labels = new ArrayList<>();
  private final Map<String, Integer> rows = new HashMap<>();
  private final List<BundleAccumulator> accumulators = new ArrayList<>();
  private final BitSet dirtyRows = new BitSet();
  private long[] binary;

  /** Creates an empty memory. */
  public AssociativeMemory(Dimension dimension) {
    this.dimension = Objects.requireNonNull(dimension, "dimension must not be null");
    this.words = dimension.words();
    this.binary = new long[words * 4];
  }

  @Override
  public Dimension dimension() {
    return dimension;
  }

  /**
   * Adds {@code hv} with {@code weight} to the accumulator of {@code label}, creating the label if
   * it is new.
   *
   * @param label non-empty, at most {@link #MAX_LABEL_LENGTH} chars
   * @param weight in {@code [1, BundleAccumulator.MAX_WEIGHT]}
   * @throws IllegalArgumentException on a bad label or weight or a dimension mismatch
   */
  @Override
  public void learn(String label, Hypervector hv, int weight) {
    Objects.requireNonNull(hv, "hv must not be null");
    Dimension.requireSame(dimension, hv.dimension());
    int row = rowOrCreate(label);
    accumulators.get(row).add(hv, weight);
    dirtyRows.set(row);
  }

  /**
   * Subtracts {@code hv} with {@code weight} from the accumulator of an existing label (AdaptHD /
   * OnlineHD "push away" update).
   *
   * @throws IllegalArgumentException if {@code label} is unknown
   */
  @Override
  public void unlearn(String label, Hypervector hv, int weight) {
    Objects.requireNonNull(hv, "hv must not be null");
    Dimension.requireSame(dimension, hv.dimension());
    int row = existingRow(label);
    accumulators.get(row).subtract(hv, weight);
    dirtyRows.set(row);
  }

  /**
   * Replaces (or creates) the accumulator of {@code label} with a copy of {@code accumulator}. Used
   * when loading a model and when merging models trained elsewhere.
   */
  public void putAccumulator(String label, BundleAccumulator accumulator) {
    Objects.requireNonNull(accumulator, "accumulator must not be null");
    Dimension.requireSame(dimension, accumulator.dimension());
    int row = rowOrCreate(label);
    accumulators.set(row, accumulator.copy());
    dirtyRows.set(row);
  }

  @Override
  public Optional<BundleAccumulator> accumulator(String label) {
    Integer row = rows.get(label);
    return row == null ? Optional.empty() : Optional.of(accumulators.get(row).copy());
  }

  /** Returns the total learned weight of {@code label} (0 when unknown). */
  public long count(String label) {
    Integer row = rows.get(label);
    return row == null ? 0 : accumulators.get(row).count();
  }

  @Override
  public List<String> labels() {
    return Collections.unmodifiableList(new ArrayList<>(labels));
  }

  @Override
  public int size() {
    return labels.size();
  }

  @Override
  public Optional<Hypervector> prototype(String label) {
    Integer row = rows.get(label);
    if (row == null) {
      return Optional.empty();
    }
    refresh();
    return Optional.of(Hypervector.wrap(dimension, rowWords(row)));
  }

  /**
   * Returns up to {@code k} labels whose binary prototypes are nearest to {@code query}, best
   * (smallest distance) first; ties go to the label learned first. Empty when the memory is empty.
   */
  @Override
  public List<Match> nearest(Hypervector query, int k) {
    Objects.requireNonNull(query, "query must not be null");
    Dimension.requireSame(dimension, query.dimension());
    TopK.checkK(k);
    refresh();
    TopK top = new TopK(Math.min(k, Math.max(1, labels.size())));
    long[] q = query.words();
    int n = labels.size();
    for (int r = 0; r < n; r++) {
      top.offer(BitKernels.hammingDistance(q, 0, binary, r * words, words), r);
    }
    return toMatches(top);
  }

  /**
   * Returns {@code nearest(q, k)} for every query, in order, with identical results. Queries are
   * processed in blocks of 8 per pass over the prototypes so each prototype row is read once per
   * block.
   */
  @Override
  public List<List<Match>> nearestBatch(List<Hypervector> queries, int k) {
    Objects.requireNonNull(queries, "queries must not be null");
    TopK.checkK(k);
    for (Hypervector q : queries) {
      Objects.requireNonNull(q, "queries must not contain null");
      Dimension.requireSame(dimension, q.dimension());
    }
    refresh();
    int n = labels.size();
    int kk = Math.min(k, Math.max(1, n));
    List<List<Match>> out = new ArrayList<>(queries.size());
    TopK[] tops = new TopK[QUERY_BLOCK];
    for (int start = 0; start < queries.size(); start += QUERY_BLOCK) {
      int end = Math.min(queries.size(), start + QUERY_BLOCK);
      for (int i = start; i < end; i++) {
        tops[i - start] = new TopK(kk);
      }
      for (int r = 0; r < n; r++) {
        int off = r * words;
        for (int i = start; i < end; i++) {
          long[] q = queries.get(i).words();
          tops[i - start].offer(BitKernels.hammingDistance(q, 0, binary, off, words), r);
        }
      }
      for (int i = start; i < end; i++) {
        out.add(toMatches(tops[i - start]));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns an independent deep copy (accumulators and binary rows). */
  public AssociativeMemory copy() {
    AssociativeMemory c = new AssociativeMemory(dimension);
    refresh();
    for (int r = 0; r < labels.size(); r++) {
      c.putAccumulator(labels.get(r), accumulators.get(r));
    }
    c.refresh();
    return c;
  }

  /**
   * Re-checks the invariants: labels unique and valid, one accumulator per label of the right
   * dimension and internally consistent ({@link BundleAccumulator#validate()}), and every binary
   * row equal to the majority of its accumulator. Cost {@code O(N*D)}.
   *
   * @throws IllegalStateException describing the first violation
   */
  public void validate() {
    if (labels.size() != accumulators.size() || labels.size() != rows.size()) {
      throw new IllegalStateException("label, row and accumulator counts differ");
    }
    refresh();
    long[] expected = new long[words];
    for (int r = 0; r < labels.size(); r++) {
      String label = labels.get(r);
      if (!Integer.valueOf(r).equals(rows.get(label))) {
        throw new IllegalStateException("label index broken for '" + label + "'");
      }
      BundleAccumulator acc = accumulators.get(r);
      if (!acc.dimension().equals(dimension)) {
        throw new IllegalStateException("accumulator of '" + label + "' has " + acc.dimension());
      }
      acc.validate();
      acc.majorityInto(expected, 0);
      if (!Arrays.equals(expected, 0, words, binary, r * words, (r + 1) * words)) {
        throw new IllegalStateException("binary prototype of '" + label + "' is stale");
      }
    }
  }

  /**
   * Re-binarises every dirty row. Package-private so the concurrent wrapper can call it eagerly.
   */
  void refresh() {
    if (dirtyRows.isEmpty()) {
      return; // read-only when clean: ConcurrentAssociativeMemory relies on this
    }
    for (int r = dirtyRows.nextSetBit(0); r >= 0; r = dirtyRows.nextSetBit(r + 1)) {
      accumulators.get(r).majorityInto(binary, r * words);
    }
    dirtyRows.clear();
  }

  private List<Match> toMatches(TopK top) {
    List<Match> out = new ArrayList<>(top.size());
    for (int i = 0; i < top.size(); i++) {
      int d = top.distance(i);
      out.add(new Match(labels.get(top.index(i)), Hypervector.similarity(d, dimension.bits()), d));
    }
    return Collections.unmodifiableList(out);
  }

  private long[] rowWords(int row) {
    return Arrays.copyOfRange(binary, row * words, (row + 1) * words);
  }

  private int existingRow(String label) {
    Integer row = rows.get(Objects.requireNonNull(label, "label must not be null"));
    if (row == null) {
      throw new IllegalArgumentException("unknown label '" + label + "'");
    }
    return row;
  }

  private int rowOrCreate(String label) {
    Integer row = rows.get(Objects.requireNonNull(label, "label must not be null"));
    if (row != null) {
      return row;
    }
    checkLabel(label);
    int r = labels.size();
    long needed = (long) (r + 1) * words;
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("associative memory is full: " + r + " labels");
    }
    if (needed > binary.length) {
      long grown = Math.min(Integer.MAX_VALUE - 8L, Math.max(needed, 2L * binary.length));
      binary = Arrays.copyOf(binary, (int) grown);
    }
    labels.add(label);
    rows.put(label, r);
    accumulators.add(new BundleAccumulator(dimension));
    dirtyRows.set(r);
    return r;
  }

  static void checkLabel(String label) {
    if (label.isEmpty()) {
      throw new IllegalArgumentException("label must not be empty");
    }
    if (label.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException(
          "label must be at most " + MAX_LABEL_LENGTH + " chars, was " + label.length());
    }
  }
}
