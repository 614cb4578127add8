package io.pipelineguard.bridge.cli;

import io.pipelineguard.diagnosis.Diagnoser;
import io.pipelineguard.diagnosis.LogSource;
import io.pipelineguard.repair.sim.CorpusReader;
import io.pipelineguard.repair.sim.FailureDiagnoser;
import io.pipelineguard.repair.sim.SimulatedFailure;
import io.pipelineguard.repair.sim.SimulationReport;
import io.pipelineguard.repair.sim.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pipeline-guard simulate CORPUS_DIR}: replays a corpus's failures in time order through the
 * repair planner, deciding from Pipeline Guard's own diagnosis of each log, and compares it with
 * reference policies (always retry twice, never, platform reasons, oracle).
 */
@Command(
    name = "simulate",
    description = {
      "Replay a corpus through the repair planner and compare with reference policies.",
      "Our diagnosis of each log decides; the corpus's transient label decides only whether a",
      "retry succeeds (probability 0.9 per attempt, seeded)."
    })
final class SimulateCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CORPUS_DIR", description = "Corpus to replay.")
  private Path corpus;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Seed of the simulated retry outcomes. Default: ${DEFAULT-VALUE}.")
  private long seed;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  private boolean json;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(corpus.resolve("records.jsonl"))) {
      spec.commandLine()
          .getErr()
          .println("pipeline-guard: " + corpus + " is not a corpus: records.jsonl not found");
      return CommandLine.ExitCode.USAGE;
    }
    try {
      List<SimulatedFailure> failures = CorpusReader.read(corpus);
      Diagnoser diagnoser = Diagnoser.builder().build();
      FailureDiagnoser ours = failure -> diagnose(diagnoser, failure);
      SimulationReport report = Simulator.builder().seed(seed).build().run(failures, ours);
      spec.commandLine().getOut().println(json ? report.toJson() : report.toTable());
      return CommandLine.ExitCode.OK;
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("pipeline-guard: simulate failed: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  private static io.pipelineguard.diagnosis.Diagnosis diagnose(
      Diagnoser diagnoser, SimulatedFailure failure) {
    try {
      return diagnoser.diagnose(LogSource.of(failure.logFile())).diagnosis();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + failure.logFile(), e);
    }
  }
}
