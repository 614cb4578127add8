package io.pipelineguard.diagnosis.eval;

import io.pipelineguard.diagnosis.Diagnoser;
import io.pipelineguard.diagnosis.knowledge.Indication;
import io.pipelineguard.diagnosis.knowledge.KnowledgeBase;
import io.pipelineguard.diagnosis.knowledge.KnowledgeFile;
import io.pipelineguard.diagnosis.learn.PrototypeModelFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Development entry point of {@code pipeline-guard eval CORPUS_DIR --predictions FILE [--learn-from
 * CORPUS_DIR]... [--save-model FILE] [--folds K [--group-folds]] [--seed N] [--prototype-weight W]
 * [--rules FILE]}. {@code --learn-from} learns HDC prototypes from other labelled corpora (never
 * the evaluated one); {@code --folds K} runs a K-fold cross-validation within the corpus. Both
 * print a comparison with the rules alone, the prototypes alone and a TF-IDF + logistic-regression
 * baseline. The product's command line wraps {@link Evaluator}; this class lets the engine be run
 * alone: {@code java -cp hdc-engine/target/classes:re2j.jar
 * io.pipelineguard.diagnosis.eval.EvalMain ...}.
 */
public final class EvalMain {
  private EvalMain() {}

  /** Runs the evaluation; exit code 0 on success, 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path corpus = null;
    Path predictions = null;
    List<Path> learnFrom = new ArrayList<>();
    List<Path> rules = new ArrayList<>();
    int folds = 0;
    long seed = 1;
    double weight = PrototypeFactory.WEIGHT;
    boolean groupFolds = false;
    Path saveModel = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("--predictions")
              || a.equals("--learn-from")
              || a.equals("--rules")
              || a.equals("--save-model"))
          && i + 1 < args.length) {
        Path p = Path.of(args[++i]);
        if (a.equals("--predictions")) {
          predictions = p;
        } else if (a.equals("--save-model")) {
          saveModel = p;
        } else if (a.equals("--learn-from")) {
          learnFrom.add(p);
        } else {
          rules.add(p);
        }
      } else if ((a.equals("--folds") || a.equals("--seed") || a.equals("--prototype-weight"))
          && i + 1 < args.length) {
        String v = args[++i];
        try {
          if (a.equals("--folds")) {
            folds = Integer.parseInt(v);
          } else if (a.equals("--seed")) {
            seed = Long.parseLong(v);
          } else {
            weight = Double.parseDouble(v);
          }
        } catch (NumberFormatException e) {
          err.println("not a number: " + a + " " + v);
          return usage(err);
        }
      } else if (a.equals("--group-folds")) {
        groupFolds = true;
      } else if (!a.startsWith("--") && corpus == null) {
        corpus = Path.of(a);
      } else {
        err.println("unknown or incomplete argument: " + a);
        return usage(err);
      }
    }
    if (corpus == null || predictions == null) {
      return usage(err);
    }
    if (folds != 0 && (folds < 2 || !learnFrom.isEmpty())) {
      err.println("--folds needs K >= 2 and cannot be combined with --learn-from");
      return usage(err);
    }
    if (saveModel != null && learnFrom.isEmpty()) {
      err.println("--save-model needs --learn-from");
      return usage(err);
    }
    if (!(weight >= 0 && weight <= 100)) {
      err.println("--prototype-weight must be within [0, 100]");
      return 2;
    }
    try {
      for (Path l : learnFrom) {
        if (sameDirectory(l, corpus)) {
          err.println("--learn-from must name another corpus than the evaluated one: " + l);
          return 2;
        }
      }
      KnowledgeBase kb = withRules(KnowledgeBase.builtIn(), rules);
      if (folds != 0 || !learnFrom.isEmpty()) {
        return learning(
            corpus,
            predictions,
            saveModel,
            learnFrom,
            kb,
            folds,
            groupFolds,
            seed,
            weight,
            out,
            err);
      }
      Diagnoser diagnoser = Diagnoser.builder().knowledge(kb).build();
      List<String> problems = new ArrayList<>();
      EvalMetrics metrics;
      try (Writer w = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
        metrics =
            Evaluator.evaluate(
                corpus, diagnoser, w, bar(err, "eval " + corpus.getFileName()), problems);
      }
      err.println();
      for (String p : problems) {
        err.println("problem: " + p);
      }
      out.print(metrics.render());
      return 0;
    } catch (java.nio.file.NoSuchFileException e) {
      err.println(
          "eval failed: no such file: "
              + e.getFile()
              + " (a corpus directory holds records.jsonl and its logs; the predictions file's"
              + " directory must exist)");
      return 1;
    } catch (IOException | RuntimeException e) {
      err.println("eval failed: " + e.getMessage());
      return 1;
    }
  }

  private static int learning(
      Path corpus,
      Path predictions,
      Path saveModel,
      List<Path> learnFrom,
      KnowledgeBase kb,
      int folds,
      boolean groupFolds,
      long seed,
      double weight,
      PrintStream out,
      PrintStream err)
      throws IOException {
    List<LearningEval.Captured> learnSet = new ArrayList<>();
    for (Path l : learnFrom) {
      learnSet.addAll(LearningEval.capture(l, kb, bar(err, "learn " + l.getFileName())));
      err.println();
    }
    List<LearningEval.Captured> captured =
        LearningEval.capture(corpus, kb, bar(err, "rules " + corpus.getFileName()));
    err.println();
    LearningEval.Result result;
    try (Writer w = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
      Evaluator.Progress bar = bar(err, "eval " + corpus.getFileName());
      result =
          folds != 0
              ? LearningEval.crossValidate(
                  corpus, captured, kb, folds, groupFolds, seed, weight, w, bar)
              : LearningEval.learnFrom(corpus, captured, learnSet, kb, weight, seed, w, bar);
    }
    err.println();
    out.print(result.render());
    if (saveModel != null && !result.models().isEmpty()) {
      try (OutputStream o = Files.newOutputStream(saveModel)) {
        PrototypeModelFile.write(o, result.models().get(0));
      }
      err.println("model written to " + saveModel);
    }
    return 0;
  }

  /** Returns whether two paths name the same directory (symbolic links resolved when possible). */
  static boolean sameDirectory(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall through to the textual comparison
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  static KnowledgeBase withRules(KnowledgeBase kb, List<Path> rules) throws IOException {
    for (Path r : rules) {
      try (Reader in = Files.newBufferedReader(r, StandardCharsets.UTF_8)) {
        List<Indication> user =
            KnowledgeFile.parse(in, r.getFileName().toString(), Indication.Source.USER);
        kb = kb.with(user);
      }
    }
    return kb;
  }

  private static int usage(PrintStream err) {
    err.println(
        "usage: eval CORPUS_DIR --predictions FILE [--learn-from CORPUS_DIR]... [--folds K"
            + " [--group-folds]] [--save-model FILE] [--seed N] [--prototype-weight W] [--rules FILE]...");
    return 2;
  }

  /** A progress bar on stderr, redrawn at most every 2%. */
  static Evaluator.Progress bar(PrintStream err, String label) {
    return new Evaluator.Progress() {
      private int lastPercent = -1;

      @Override
      public void update(int done, int total) {
        int percent = total == 0 ? 100 : done * 100 / total;
        if (percent / 2 == lastPercent / 2 && done != total) {
          return;
        }
        lastPercent = percent;
        int filled = percent * 30 / 100;
        err.print(
            "\r"
                + label
                + " ["
                + "#".repeat(filled)
                + ".".repeat(30 - filled)
                + "] "
                + done
                + "/"
                + total);
        err.flush();
      }
    };
  }
}
