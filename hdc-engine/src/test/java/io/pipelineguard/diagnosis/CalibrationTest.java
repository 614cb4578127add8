package io.pipelineguard.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  @Test
  void shippedCoefficientsLoadAndAreMonotone() {
    Calibration c = Calibration.DEFAULT;
    assertThat(c.confidence(8, 0)).isGreaterThan(c.confidence(2, 0));
    assertThat(c.confidence(8, 0)).isGreaterThan(c.confidence(8, 7));
    // Platt scaling fits only the diagnoses that name a category (a winning score of at least
    // 0.5); no evidence at all stays below them, and an unknown diagnosis is capped at 0.5.
    assertThat(c.confidence(0, 0)).isLessThan(c.confidence(0.5, 0)).isLessThan(0.6);
  }

  @Test
  void plattRecoversAnOverconfidentModel() {
    Random rnd = new Random(7);
    int n = 4000;
    double[] logits = new double[n];
    boolean[] correct = new boolean[n];
    for (int i = 0; i < n; i++) {
      logits[i] = rnd.nextGaussian() * 2;
      double truth = 1.0 / (1.0 + Math.exp(-(0.5 * logits[i] - 0.3)));
      correct[i] = rnd.nextDouble() < truth;
    }
    double[] ab = Calibration.platt(logits, correct, 2000);
    assertThat(ab[0]).isCloseTo(0.5, within(0.1));
    assertThat(ab[1]).isCloseTo(-0.3, within(0.1));
    double[] before = new double[n];
    double[] after = new double[n];
    for (int i = 0; i < n; i++) {
      before[i] = 1.0 / (1.0 + Math.exp(-logits[i]));
      after[i] = 1.0 / (1.0 + Math.exp(-(ab[0] * logits[i] + ab[1])));
    }
    assertThat(Calibration.brier(after, correct)).isLessThan(Calibration.brier(before, correct));
  }

  @Test
  void rescaledComposesWithTheLogit() {
    Calibration c = new Calibration(-1, 1, 2);
    Calibration r = c.rescaled(2, 0.5);
    double z = Math.log(c.confidence(3, 1) / (1 - c.confidence(3, 1)));
    double expected = 1.0 / (1.0 + Math.exp(-(2 * z + 0.5)));
    assertThat(r.confidence(3, 1)).isCloseTo(expected, within(1e-9));
  }
}
