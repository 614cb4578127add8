package io.pipelineguard.diagnosis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningEvalTest {
  @TempDir Path dir;

  private static List<CorpusRecord> records(int n) {
    List<CorpusRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          CorpusRecord.parse(
              "{\"id\":\"r"
                  + i
                  + "\",\"log_file\":\"logs/"
                  + i
                  + ".log\",\"category\":\"network\"}"));
    }
    return out;
  }

  @Test
  void foldsNeverShareARecordAndCoverAll() {
    List<CorpusRecord> rs = records(103);
    int k = 5;
    int[] fold = LearningEval.folds(rs, k, 42);
    for (int f = 0; f < k; f++) {
      Set<String> test = new HashSet<>();
      Set<String> train = new HashSet<>();
      for (int i = 0; i < rs.size(); i++) {
        (fold[i] == f ? test : train).add(rs.get(i).id());
      }
      assertThat(test).doesNotContainAnyElementsOf(train);
      assertThat(test.size() + train.size()).isEqualTo(rs.size());
      assertThat(test.size()).isBetween(20, 21);
    }
    assertThat(LearningEval.folds(rs, k, 42)).isEqualTo(fold);
    assertThat(LearningEval.folds(rs, k, 43)).isNotEqualTo(fold);
  }

  @Test
  void groupedFoldsKeepARepositoryTogether() {
    List<CorpusRecord> rs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rs.add(
          CorpusRecord.parse(
              "{\"id\":\"r" + i + "\",\"log_file\":\"logs/repo" + (i % 12) + "/" + i + ".log\"}"));
    }
    int[] fold = LearningEval.folds(rs, 4, 7, LearningEval::logDirectory);
    for (int i = 0; i < rs.size(); i++) {
      for (int j = 0; j < rs.size(); j++) {
        if (i % 12 == j % 12) {
          assertThat(fold[i]).isEqualTo(fold[j]);
        }
      }
    }
    assertThat(java.util.Arrays.stream(fold).distinct().count()).isEqualTo(4);
  }

  @Test
  void learnFromRefusesTheEvaluatedCorpus() throws IOException {
    Files.writeString(dir.resolve("records.jsonl"), "");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int rc =
        EvalMain.run(
            new String[] {
              dir.toString(),
              "--predictions",
              dir.resolve("p.jsonl").toString(),
              "--learn-from",
              dir.resolve(".").resolve("x").resolve("..").toString()
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            errStream);
    assertThat(rc).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("another corpus");
  }

  @Test
  void learnFromAnotherCorpusRunsAndReports() throws IOException {
    Path learn = Files.createDirectories(dir.resolve("learn"));
    Path eval = Files.createDirectories(dir.resolve("eval"));
    writeCorpus(learn, "no space left on device while writing the cache", "resource");
    writeCorpus(eval, "no space left on device during the image build", "resource");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc =
        EvalMain.run(
            new String[] {
              eval.toString(),
              "--predictions",
              dir.resolve("p.jsonl").toString(),
              "--learn-from",
              learn.toString(),
              "--save-model",
              dir.resolve("model.bin").toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(rc).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("HDC prototypes only");
    assertThat(Files.readAllLines(dir.resolve("p.jsonl"))).hasSize(1);
    try (var in = Files.newInputStream(dir.resolve("model.bin"))) {
      var model = io.pipelineguard.diagnosis.learn.PrototypeModelFile.read(in);
      assertThat(model.accumulators())
          .containsOnlyKeys(io.pipelineguard.diagnosis.Category.RESOURCE);
    }
  }

  private static void writeCorpus(Path corpus, String line, String category) throws IOException {
    Files.createDirectories(corpus.resolve("logs"));
    Files.writeString(corpus.resolve("logs/a.log"), "setup\n" + line + "\nexit 1\n");
    Files.writeString(
        corpus.resolve("records.jsonl"),
        "{\"id\":\"a\",\"log_file\":\"logs/a.log\",\"category\":\"" + category + "\"}\n");
  }
}
