package io.pipelineguard.hdc.bench;

import io.pipelineguard.hdc.BitKernels;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Hamming distance between cache-resident vectors: through {@link Hypervector#hammingDistance},
 * through {@link BitKernels} on a flat array of {@value #ROWS} vectors, and a plain one-accumulator
 * loop for comparison (JDK 25's C2 auto-vectorises that shape). Throughput in distances per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class DistanceBenchmark {
  static final int ROWS = 64;

  @Param({"1024", "10240"})
  int bits;

  Hypervector a;
  Hypervector b;
  long[] query;
  long[] rows;
  int words;

  @Setup(Level.Trial)
  public void setUp() {
    Dimension d = Dimension.of(bits);
    words = d.words();
    a = Hypervector.random(d, 1);
    b = Hypervector.random(d, 2);
    query = Hypervector.random(d, 3).copyWords();
    rows = new long[ROWS * words];
    for (int r = 0; r < ROWS; r++) {
      System.arraycopy(Hypervector.random(d, 100 + r).copyWords(), 0, rows, r * words, words);
    }
  }

  /** One distance through the object API. */
  @Benchmark
  public int hypervectorDistance() {
    return a.hammingDistance(b);
  }

  /** 64 distances through the flat-array kernel (query against each row). */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void kernelDistanceRows(Blackhole bh) {
    for (int r = 0; r < ROWS; r++) {
      bh.consume(BitKernels.hammingDistance(query, 0, rows, r * words, words));
    }
  }

  /** 64 distances through a plain single-accumulator loop, for comparison. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public void simpleLoopDistanceRows(Blackhole bh) {
    for (int r = 0; r < ROWS; r++) {
      bh.consume(simpleDistance(query, rows, r * words, words));
    }
  }

  static int simpleDistance(long[] q, long[] m, int off, int words) {
    int s = 0;
    for (int i = 0; i < words; i++) {
      s += Long.bitCount(q[i] ^ m[off + i]);
    }
    return s;
  }
}
