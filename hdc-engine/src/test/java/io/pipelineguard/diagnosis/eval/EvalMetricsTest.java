package io.pipelineguard.diagnosis.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.diagnosis.LineSpan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvalMetricsTest {
  private static CorpusRecord gold(Category c, boolean tr, LineSpan... ev) {
    return new CorpusRecord(
        "x", "f", Optional.empty(), Optional.empty(), Optional.of(c), Optional.of(tr), List.of(ev));
  }

  private static Diagnosis pred(Category c, boolean tr, LineSpan... ev) {
    return new Diagnosis(c, tr, 0.9, List.of(ev), "s", true, "e");
  }

  @Test
  void computesAccuracyRecallPrecisionAndHitRate() {
    EvalMetrics m = new EvalMetrics();
    // gold 10..13 (4 lines), shown 12..15 (4 lines): recall 2/4, precision 2/4, hit
    m.add(
        gold(Category.NETWORK, true, new LineSpan(10, 13)),
        pred(Category.NETWORK, true, new LineSpan(12, 15)),
        0,
        0);
    // gold 1..1, shown 5..6: recall 0, precision 0, no hit
    m.add(
        gold(Category.COMPILATION, false, new LineSpan(1, 1)),
        pred(Category.NETWORK, true, new LineSpan(5, 6)),
        0,
        0);
    assertThat(m.accuracy()).isEqualTo(0.5);
    assertThat(m.evidenceRecall()).isCloseTo(0.25, within(1e-9));
    assertThat(m.linePrecision()).isCloseTo(0.25, within(1e-9));
    assertThat(m.hitRate()).isEqualTo(0.5);
    assertThat(m.medianLinesShown()).isEqualTo(3.0);
    // transient: tp 1, fp 1, fn 0 → precision 0.5, recall 1 → F1 2/3
    assertThat(m.transientF1()).isCloseTo(2.0 / 3, within(1e-9));
    // network: P 1/2 R 1 → F1 2/3; compilation: F1 0 → macro 1/3
    assertThat(m.macroF1()).isCloseTo(1.0 / 3, within(1e-9));
  }
}
