package io.pipelineguard.bridge.cli;

import io.pipelineguard.diagnosis.eval.EvalMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipeline-guard eval CORPUS_DIR --predictions FILE}: diagnose a corpus and score it. */
@Command(
    name = "eval",
    description = {
      "Diagnose a labelled corpus and score the diagnoses.",
      "Predicts every record of CORPUS_DIR (records.jsonl + logs, see docs/diagnosis.md) without",
      "reading its labels, writes one JSON line per record, and prints accuracy, macro-F1,",
      "transient precision/recall/F1, evidence recall and precision, and MB/s where labels exist."
    })
final class EvalCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CORPUS_DIR", description = "Corpus to evaluate.")
  private Path corpus;

  @Option(
      names = "--predictions",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the predictions, one JSON object per line.")
  private Path predictions;

  @Option(
      names = "--learn-from",
      paramLabel = "CORPUS_DIR",
      description = "Labelled corpus to learn from first (never the evaluated one); repeatable.")
  private List<Path> learnFrom = new ArrayList<>();

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "User rules file(s) in the knowledge-base format; repeatable.")
  private List<Path> rules = new ArrayList<>();

  @Option(
      names = "--folds",
      paramLabel = "K",
      description =
          "Cross-validate learning within the corpus: learn from K-1 folds, predict the other.")
  private Integer folds;

  @Option(
      names = "--group-folds",
      description =
          "With --folds: keep each repository's records in one fold (the new-project case).")
  private boolean groupFolds;

  @Option(
      names = "--save-model",
      paramLabel = "FILE",
      description = "With --learn-from: write the learned prototype model to FILE.")
  private Path saveModel;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of fold assignment and training.")
  private Long seed;

  @Option(
      names = "--prototype-weight",
      paramLabel = "W",
      description = "Weight of the learned prototypes' vote against the rules' (0 to 100).")
  private Double prototypeWeight;

  @Override
  public Integer call() {
    List<String> args =
        new ArrayList<>(List.of(corpus.toString(), "--predictions", predictions.toString()));
    for (Path dir : learnFrom) {
      args.add("--learn-from");
      args.add(dir.toString());
    }
    for (Path file : rules) {
      args.add("--rules");
      args.add(file.toString());
    }
    if (folds != null) {
      args.add("--folds");
      args.add(folds.toString());
    }
    if (groupFolds) {
      args.add("--group-folds");
    }
    if (saveModel != null) {
      args.add("--save-model");
      args.add(saveModel.toString());
    }
    if (seed != null) {
      args.add("--seed");
      args.add(seed.toString());
    }
    if (prototypeWeight != null) {
      args.add("--prototype-weight");
      args.add(prototypeWeight.toString());
    }
    return EvalMain.run(
        args.toArray(String[]::new),
        WriterOutputStream.printStream(spec.commandLine().getOut()),
        WriterOutputStream.printStream(spec.commandLine().getErr()));
  }
}
