package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.Diagnoser;
import io.pipelineguard.diagnosis.DiagnosisReport;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Development entry point measuring steady-state diagnosis throughput: {@code ThroughputMain
 * CORPUS_DIR [ROUNDS]} diagnoses every record of a corpus (with its pass log when it names one)
 * {@code ROUNDS} times (default 3, 1..20) in one JVM and prints, per round, wall-clock MB/s and MB
 * per CPU-second of the measuring thread ({@link ThreadMXBean#getCurrentThreadCpuTime()}, "per
 * core": unlike wall-clock MB/s it does not drop when other processes share the CPUs), so that
 * later rounds show the speed of a warmed-up service rather than of a cold JVM. One thread; labels
 * are not read; the JIT and GC threads' CPU time is not counted. Cost: ROUNDS full passes over the
 * corpus.
 */
public final class ThroughputMain {
  private ThroughputMain() {}

  /** Runs the measurement; exit code 0 on success, 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 1 || args.length > 2) {
      err.println("usage: ThroughputMain CORPUS_DIR [ROUNDS]");
      return 2;
    }
    int rounds;
    try {
      rounds = args.length == 2 ? Integer.parseInt(args[1]) : 3;
    } catch (NumberFormatException e) {
      err.println("ROUNDS must be a number: " + args[1]);
      return 2;
    }
    if (rounds < 1 || rounds > 20) {
      err.println("ROUNDS must be within [1, 20]");
      return 2;
    }
    Path corpus = Path.of(args[0]);
    try {
      List<CorpusRecord> records = Evaluator.readRecords(corpus);
      Diagnoser diagnoser = Diagnoser.builder().build();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
      if (cpuTimed && !threads.isThreadCpuTimeEnabled()) {
        threads.setThreadCpuTimeEnabled(true);
      }
      for (int round = 1; round <= rounds; round++) {
        long bytes = 0;
        long start = System.nanoTime();
        long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
        for (CorpusRecord r : records) {
          DiagnosisReport report = Evaluator.diagnose(corpus, r, diagnoser);
          bytes += report.read().bytes() + report.passBytes();
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        double cpuSeconds =
            cpuTimed ? Math.max(1e-9, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9) : 0;
        out.println(
            String.format(
                Locale.ROOT,
                "round %d: %.1f MB/s wall, %s MB per CPU-second"
                    + " (%.1f MB in %.2f s wall, %.2f s CPU, %d records)",
                round,
                bytes / 1e6 / seconds,
                cpuTimed ? String.format(Locale.ROOT, "%.1f", bytes / 1e6 / cpuSeconds) : "n/a",
                bytes / 1e6,
                seconds,
                cpuSeconds,
                records.size()));
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("throughput failed: " + e.getMessage());
      return 1;
    }
  }
}
