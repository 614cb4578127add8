package io.pipelineguard.repair.sim;

import java.nio.file.Path;
import java.util.List;

/**
 * Development entry point: {@code SimulateDevMain CORPUS_DIR [--seed N] [--json] [--perfect]}. Uses
 * a stand-in diagnoser ({@code --perfect}: the transient-label one); the product's {@code
 * pipeline-guard simulate} command uses the real diagnoser.
 */
public final class SimulateDevMain {
  private SimulateDevMain() {}

  /** Runs the simulation and prints the table or JSON. */
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    long seed = 1;
    boolean json = false;
    boolean perfect = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--json" -> json = true;
        case "--perfect" -> perfect = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<SimulatedFailure> failures = CorpusReader.read(corpus);
    FailureDiagnoser diagnoser =
        perfect ? new TransientLabelStandInDiagnoser() : new LabelledCategoryStandInDiagnoser();
    SimulationReport report = Simulator.builder().seed(seed).build().run(failures, diagnoser);
    System.out.println(json ? report.toJson() : report.toTable());
  }
}
