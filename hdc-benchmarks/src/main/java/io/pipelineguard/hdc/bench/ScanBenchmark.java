package io.pipelineguard.hdc.bench;

import io.pipelineguard.hdc.BitKernels;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import io.pipelineguard.hdc.HypervectorStore;
import io.pipelineguard.hdc.IndexedMatch;
import io.pipelineguard.hdc.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One query against {@code n} = 100,000 stored vectors (128 MB at D = 10,240, far beyond the
 * caches), next to the memory-read bound: a plain sum over the very same flat {@code long[]}.
 * Milliseconds per full pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScanBenchmark {
  @Param({"10240"})
  int bits;

  @Param({"100000"})
  int n;

  long[] flat;
  HypervectorStore store;
  Hypervector query;
  long[] queryWords;
  List<Hypervector> batch;
  int words;

  @Setup(Level.Trial)
  public void setUp() {
    Dimension d = Dimension.of(bits);
    words = d.words();
    flat = new long[Math.multiplyExact(n, words)];
    SplitMix64 rng = new SplitMix64(2024);
    for (int i = 0; i < flat.length; i++) {
      flat[i] = rng.nextLong();
    }
    store = HypervectorStore.wrap(d, flat, n);
    query = Hypervector.random(d, 7);
    queryWords = query.copyWords();
    batch = new ArrayList<>();
    for (int q = 0; q < 8; q++) {
      batch.add(Hypervector.random(d, 100 + q));
    }
  }

  /** Top-10 nearest through the store API. */
  @Benchmark
  public List<IndexedMatch> storeNearestTop10() {
    return store.nearest(query, 10);
  }

  /** Eight queries in one pass ({@link HypervectorStore#nearestBatch}); time per query. */
  @Benchmark
  @OperationsPerInvocation(8)
  public List<List<IndexedMatch>> storeNearestBatch8PerQuery() {
    return store.nearestBatch(batch, 10);
  }

  /** The raw kernel loop: minimum distance over all rows. */
  @Benchmark
  public int kernelScanMin() {
    int best = Integer.MAX_VALUE;
    for (int i = 0, off = 0; i < n; i++, off += words) {
      best = Math.min(best, BitKernels.hammingDistance(queryWords, 0, flat, off, words));
    }
    return best;
  }

  /** Memory-read bound: sum of every word of the same array. */
  @Benchmark
  public long plainSum() {
    long s = 0;
    for (long w : flat) {
      s += w;
    }
    return s;
  }
}
