package io.pipelineguard.diagnosis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThroughputMainTest {
  @TempDir Path dir;

  @Test
  void rejectsBadUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(ThroughputMain.run(new String[0], System.out, e)).isEqualTo(2);
    assertThat(ThroughputMain.run(new String[] {"x", "0"}, System.out, e)).isEqualTo(2);
    assertThat(ThroughputMain.run(new String[] {"x", "many"}, System.out, e)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ROUNDS");
  }

  @Test
  void measuresEachRound() throws IOException {
    Files.writeString(
        dir.resolve("a.log"), "$ make\nerror: boom\nThe command \"make\" exited with 2.\n");
    Files.writeString(dir.resolve("records.jsonl"), "{\"id\": \"a\", \"log_file\": \"a.log\"}\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc =
        ThroughputMain.run(
            new String[] {dir.toString(), "2"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertThat(rc).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("round 1:").contains("round 2:");
  }
}
