package io.pipelineguard.bridge.cli;

import io.pipelineguard.diagnosis.eval.DiagnoseMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipeline-guard diagnose LOG}: why one CI job failed, from its log. */
@Command(
    name = "diagnose",
    description = {
      "Say why one failed job failed, from its log (plain or .gz).",
      "Prints the category, whether a retry helps, the confidence, the evidence lines with",
      "their numbers, and the failure signature."
    })
final class DiagnoseCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LOG", description = "The failed job's log.")
  private Path log;

  @Option(
      names = "--pass-log",
      paramLabel = "LOG",
      description = "Log of the job's last successful run: lines also found there weigh less.")
  private Path passLog;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  private boolean json;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "User rules file(s) in the knowledge-base format (docs/diagnosis.md).")
  private List<Path> rules = new ArrayList<>();

  @Override
  public Integer call() {
    List<String> args = new ArrayList<>();
    args.add(log.toString());
    if (passLog != null) {
      args.add("--pass-log");
      args.add(passLog.toString());
    }
    if (json) {
      args.add("--json");
    }
    for (Path file : rules) {
      args.add("--rules");
      args.add(file.toString());
    }
    return DiagnoseMain.run(
        args.toArray(String[]::new),
        WriterOutputStream.printStream(spec.commandLine().getOut()),
        WriterOutputStream.printStream(spec.commandLine().getErr()));
  }
}
