package io.pipelineguard.hdc.bench;

import io.pipelineguard.hdc.BundleAccumulator;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import io.pipelineguard.hdc.ItemMemory;
import io.pipelineguard.hdc.encode.NGramEncoder;
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

/**
 * N-gram encoding of one 12-token log line (trigrams plus unigrams: 22 bundled vectors), in
 * microseconds per line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class NGramBenchmark {
  @Param({"10240"})
  int bits;

  NGramEncoder encoder;
  BundleAccumulator target;
  List<String> line =
      List.of(
          "error",
          "could",
          "not",
          "resolve",
          "dependency",
          "<NUM>",
          "from",
          "repository",
          "<URL>",
          "connection",
          "timed",
          "out");

  @Setup(Level.Trial)
  public void setUp() {
    encoder = NGramEncoder.builder(new ItemMemory(Dimension.of(bits), 42)).n(3).build();
    target = new BundleAccumulator(Dimension.of(bits));
  }

  /** Encode to a standalone line vector (new accumulator plus majority). */
  @Benchmark
  public Hypervector encodeLine() {
    return encoder.encode(line);
  }

  /** Accumulate the line into a document accumulator (the per-line path of a log encoder). */
  @Benchmark
  public long accumulateLine() {
    target.clear();
    encoder.accumulate(line, target, 1);
    return target.count();
  }
}
