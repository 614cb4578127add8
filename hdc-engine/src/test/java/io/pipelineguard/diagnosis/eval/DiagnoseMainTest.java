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

class DiagnoseMainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return DiagnoseMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aLogIsDiagnosedWithItsEvidenceLines() throws IOException {
    Path log = dir.resolve("job.log");
    Files.writeString(
        log,
        "$ ./gradlew build\n"
            + "Could not resolve host: repo.example.org\n"
            + "The command \"./gradlew build\" exited with 1.\n");

    assertThat(run(log.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("network").contains("2 | Could not");
  }

  @Test
  void aDirectoryOrAMissingPassLogIsRefusedWithItsName() throws IOException {
    Path log = Files.writeString(dir.resolve("job.log"), "error: boom\n");

    int directory = run(dir.toString());
    String directoryMessage = err.toString(StandardCharsets.UTF_8);
    int missingPass = run(log.toString(), "--pass-log", dir.resolve("gone.log").toString());

    assertThat(directory).isEqualTo(1);
    assertThat(directoryMessage).contains("not a log file but a directory: " + dir);
    assertThat(missingPass).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("cannot read log: ")
        .contains("gone.log");
    assertThat(run()).isEqualTo(2);
  }
}
