package io.pipelineguard.repair.sim;

import io.pipelineguard.diagnosis.Diagnoser;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.LogSource;
import io.pipelineguard.repair.PolicySpec;
import io.pipelineguard.repair.RepairPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Development entry point: {@code SimulateDevMain CORPUS_DIR [--seed N | --seeds A-B] [--json]
 * [--ours | --perfect] [--diagnoses] [--misses] [--policy SPEC]}.
 *
 * <ul>
 *   <li>{@code --ours}: the real {@link Diagnoser} with built-in knowledge, exactly as the
 *       product's {@code pipeline-guard simulate} command builds it (each log diagnosed once);
 *   <li>{@code --perfect}: the transient-label stand-in; otherwise the category-label stand-in;
 *   <li>{@code --seeds A-B}: one line per seed plus the guard's mean and range over the seeds;
 *   <li>{@code --diagnoses}: prints each failure's label and diagnosis (for reading misses);
 *   <li>{@code --policy SPEC}: the guard's policy as a {@link PolicySpec} over the defaults.
 * </ul>
 */
public final class SimulateDevMain {
  private SimulateDevMain() {}

  /** Runs the simulation and prints the table, JSON or per-seed summary. */
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    long from = 1;
    long to = 1;
    boolean json = false;
    boolean perfect = false;
    boolean ours = false;
    boolean listDiagnoses = false;
    boolean misses = false;
    RepairPolicy policy = RepairPolicy.ofDefaults();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> from = to = Long.parseLong(args[++i]);
        case "--seeds" -> {
          String[] range = args[++i].split("-", 2);
          from = Long.parseLong(range[0]);
          to = Long.parseLong(range[1]);
        }
        case "--json" -> json = true;
        case "--perfect" -> perfect = true;
        case "--ours" -> ours = true;
        case "--diagnoses" -> listDiagnoses = true;
        case "--misses" -> misses = true;
        case "--policy" -> policy = PolicySpec.parse(args[++i], RepairPolicy.ofDefaults());
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<SimulatedFailure> failures = CorpusReader.read(corpus);
    FailureDiagnoser base =
        ours
            ? ours()
            : perfect
                ? new TransientLabelStandInDiagnoser()
                : new LabelledCategoryStandInDiagnoser();
    Map<String, Diagnosis> memo = new HashMap<>();
    FailureDiagnoser diagnoser = f -> memo.computeIfAbsent(f.id(), k -> base.diagnose(f));
    if (listDiagnoses) {
      for (SimulatedFailure f : failures) {
        Diagnosis d = diagnoser.diagnose(f);
        System.out.printf(
            Locale.ROOT,
            "%s\t%s\tlabel=%s/%s\tours=%s/%s/%.2f\t%s\t%s%n",
            f.id(),
            f.job(),
            f.categoryLabel(),
            f.transientLabel(),
            d.category().wireName(),
            d.transientFailure(),
            d.confidence(),
            f.commit(),
            d.signature());
      }
    }
    if (from == to) {
      SimulationReport report =
          Simulator.builder().policy(policy).seed(from).build().run(failures, diagnoser);
      System.out.println(json ? report.toJson() : report.toTable());
      return;
    }
    double sumRec = 0;
    double sumWaste = 0;
    double minRec = Double.MAX_VALUE;
    double maxRec = 0;
    double maxWaste = 0;
    for (long seed = from; seed <= to; seed++) {
      long s = seed;
      Map<String, String> lastPlan = new java.util.LinkedHashMap<>();
      java.util.Set<String> recovered = new java.util.HashSet<>();
      java.util.Set<String> wastedOn = new java.util.LinkedHashSet<>();
      PolicyResult g =
          Simulator.builder()
              .policy(policy)
              .seed(seed)
              .observer(
                  (f, plan, ok) -> {
                    if (f.transientLabel() && Boolean.TRUE.equals(ok)) {
                      recovered.add(f.id());
                    }
                    if (!f.transientLabel() && ok != null) {
                      wastedOn.add(f.id() + " " + f.job() + " " + plan.explanation());
                    }
                    if (f.transientLabel()) {
                      lastPlan.merge(
                          f.id(),
                          f.job() + " [" + ok + "] " + plan.explanation(),
                          (a, b) -> a + "\n      then [" + ok + "] " + plan.explanation());
                    }
                  })
              .build()
              .run(failures, diagnoser)
              .policy("guard");
      if (misses) {
        lastPlan.forEach(
            (id, text) -> {
              if (!recovered.contains(id)) {
                System.out.println("  seed " + s + " missed " + id + " " + text);
              }
            });
        wastedOn.forEach(w -> System.out.println("  seed " + s + " wasted on " + w));
      }
      System.out.printf(
          Locale.ROOT,
          "seed %d: recovered %.1f%% wasted %.1f%% retries %d%n",
          seed,
          g.transientRecoveredPct(),
          g.wastedRetryPct(),
          g.retries());
      sumRec += g.transientRecoveredPct();
      sumWaste += g.wastedRetryPct();
      minRec = Math.min(minRec, g.transientRecoveredPct());
      maxRec = Math.max(maxRec, g.transientRecoveredPct());
      maxWaste = Math.max(maxWaste, g.wastedRetryPct());
    }
    long n = to - from + 1;
    System.out.printf(
        Locale.ROOT,
        "guard over seeds %d-%d: recovered mean %.1f%% (range %.1f-%.1f), wasted mean %.1f%% (max"
            + " %.1f)%n",
        from,
        to,
        sumRec / n,
        minRec,
        maxRec,
        sumWaste / n,
        maxWaste);
  }

  private static FailureDiagnoser ours() {
    Diagnoser diagnoser = Diagnoser.builder().build();
    return f -> {
      try {
        return diagnoser.diagnose(LogSource.of(f.logFile())).diagnosis();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f.logFile(), e);
      }
    };
  }
}
