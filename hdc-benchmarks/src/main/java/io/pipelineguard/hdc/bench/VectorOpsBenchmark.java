package io.pipelineguard.hdc.bench;

import io.pipelineguard.hdc.BundleAccumulator;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Bind, permute and bundle costs, in nanoseconds per operation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class VectorOpsBenchmark {
  @Param({"10240"})
  int bits;

  Hypervector a;
  Hypervector b;
  List<Hypervector> members;
  BundleAccumulator accumulator;

  @Setup(Level.Trial)
  public void setUp() {
    Dimension d = Dimension.of(bits);
    a = Hypervector.random(d, 1);
    b = Hypervector.random(d, 2);
    members = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      members.add(Hypervector.random(d, 10 + i));
    }
    accumulator = new BundleAccumulator(d);
  }

  /** XOR bind, allocating the result. */
  @Benchmark
  public Hypervector bind() {
    return a.bind(b);
  }

  /** Rotation by whole words (the encoders' permutation). */
  @Benchmark
  public Hypervector permuteWords() {
    return a.permute(64 * 3);
  }

  /** Rotation by an arbitrary bit count. */
  @Benchmark
  public Hypervector permuteBits() {
    return a.permute(77);
  }

  /**
   * One weighted add into the integer accumulator (add then subtract, so the state stays bounded);
   * reported per pair of updates.
   */
  @Benchmark
  public long accumulateAddSubtract() {
    accumulator.add(a, 3);
    accumulator.subtract(a, 3);
    return accumulator.count();
  }

  /** Majority of 21 vectors from scratch via {@link Hypervector#bundle} (bit-sliced counters). */
  @Benchmark
  public Hypervector bundle21() {
    return Hypervector.bundle(members);
  }

  /** The same majority of 21 through the integer accumulator (21 int passes plus binarisation). */
  @Benchmark
  public Hypervector bundle21IntCounters() {
    BundleAccumulator acc = new BundleAccumulator(members.get(0).dimension());
    acc.addAll(members);
    return acc.toHypervector();
  }

  /** Majority of an even count (20 vectors): exercises tie hashing and tie bits. */
  @Benchmark
  public Hypervector bundle20WithTies() {
    return Hypervector.bundle(members.subList(0, 20));
  }
}
