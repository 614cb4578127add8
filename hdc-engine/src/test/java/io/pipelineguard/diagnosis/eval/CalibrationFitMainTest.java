package io.pipelineguard.diagnosis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.diagnosis.Calibration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationFitMainTest {
  @TempDir Path dir;

  @Test
  void refitLowersTheBrierScoreOfAnOverconfidentCalibration() {
    Calibration overconfident =
        new Calibration(2.0, 1.0, 2.0); // ~0.98, right about 60% of the time
    Random random = new Random(7);
    List<CalibrationFitMain.Sample> samples = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      double top = 1 + random.nextDouble() * 2;
      samples.add(new CalibrationFitMain.Sample(0, false, top, 1, random.nextDouble() < 0.6));
    }
    samples.add(new CalibrationFitMain.Sample(0, true, 0, 0, false));
    CalibrationFitMain.Fit fit = CalibrationFitMain.fit(samples, overconfident, 3000);
    double before = CalibrationFitMain.brier(samples, -1, overconfident);
    double after = CalibrationFitMain.brier(samples, -1, fit.refitted());
    assertThat(after).isLessThan(before);
    assertThat(fit.refitted().confidence(2, 1)).isBetween(0.5, 0.7);
    assertThat(CalibrationFitMain.brier(samples, 3, overconfident)).isZero(); // no such corpus
  }

  @Test
  void rejectsBadUsageAndPrintsCoefficients() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(CalibrationFitMain.run(new String[0], System.out, e)).isEqualTo(2);
    assertThat(CalibrationFitMain.run(new String[] {"x", "--steps", "no"}, System.out, e))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--steps");

    Files.writeString(
        dir.resolve("a.log"),
        "$ mvn compile\n[ERROR] COMPILATION ERROR :\n[ERROR] /w/Foo.java:[12,5] cannot find symbol\n"
            + "The command \"mvn compile\" exited with 1.\n");
    Files.writeString(
        dir.resolve("records.jsonl"),
        "{\"id\": \"a\", \"log_file\": \"a.log\", \"category\": \"compilation\"}\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc =
        CalibrationFitMain.run(
            new String[] {dir.toString(), "--steps", "10"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            e);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(text)
        .contains("Platt fit over 1 predictions")
        .contains("Brier pooled")
        .contains("bias = ")
        .contains("margin = ");
  }
}
