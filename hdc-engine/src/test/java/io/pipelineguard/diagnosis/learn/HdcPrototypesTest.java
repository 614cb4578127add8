package io.pipelineguard.diagnosis.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.PrototypeMatch;
import io.pipelineguard.hdc.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HdcPrototypesTest {
  private static final String[] DISK = {
    "cannot write cache entry: storage volume has no room left",
    "the runner disk ran full while unpacking layers",
    "archive extraction stopped, device holds no spare blocks"
  };
  private static final String[] LINT = {
    "style checker reports <N> violations in module sources",
    "formatter would rewrite <N> files, run the formatter locally",
    "lint rule unused-import violated in <P>/main.py"
  };
  private static final String[] NET = {
    "could not reach package mirror: peer reset the connection",
    "handshake with remote host timed out after <N> seconds",
    "name lookup for the artifact host failed temporarily"
  };

  static List<LabelledFailure> corpus(long seed, int perClass) {
    Random r = new Random(seed);
    List<LabelledFailure> out = new ArrayList<>();
    String[] noise = {"step <N> started", "fetching sources", "done in <N>", "using image base"};
    for (int i = 0; i < perClass; i++) {
      out.add(example(r, "d" + i, DISK, noise, Category.RESOURCE));
      out.add(example(r, "l" + i, LINT, noise, Category.QUALITY_GATE));
      out.add(example(r, "n" + i, NET, noise, Category.NETWORK));
    }
    return out;
  }

  private static LabelledFailure example(
      Random r, String id, String[] signs, String[] noise, Category c) {
    List<String> t = new ArrayList<>();
    t.add(signs[r.nextInt(signs.length)]);
    t.add(noise[r.nextInt(noise.length)]);
    t.add(signs[r.nextInt(signs.length)]);
    return new LabelledFailure(id, t, c);
  }

  private static HdcPrototypes small() {
    return new HdcPrototypes(new FailureEncoder(Dimension.of(4096), 3, 16), 0.5);
  }

  @Test
  void trainedPrototypesClassifyAnUnseenFailureOfTheLearnedKind() {
    HdcPrototypes p = small();
    assertThat(p.isEmpty()).isTrue();
    TrainingSummary s = p.train(corpus(1, 10), TrainingOptions.DEFAULT);
    assertThat(s.encoded()).isEqualTo(30);
    assertThat(p.isEmpty()).isFalse();
    List<PrototypeMatch> m =
        p.nearest(
            List.of("the runner disk ran full while unpacking layers", "step <N> started"), 3);
    assertThat(m).hasSize(3);
    assertThat(m.get(0).category()).isEqualTo(Category.RESOURCE);
    assertThat(m.get(0).similarity()).isGreaterThan(m.get(1).similarity());
    assertThat(p.nearest(List.of("lint rule unused-import violated in <P>/main.py"), 1).get(0))
        .extracting(PrototypeMatch::category)
        .isEqualTo(Category.QUALITY_GATE);
  }

  @Test
  void learningMovesThePrototypeTowardItsClass() {
    HdcPrototypes p = small();
    p.train(corpus(2, 5), TrainingOptions.DEFAULT.withMaxEpochs(0));
    List<String> mine =
        List.of("quota exceeded: build host memory exhausted, process reaped by the kernel");
    double before = similarity(p, mine, Category.RESOURCE);
    for (int i = 0; i < 3; i++) {
      p.learn(mine, Category.RESOURCE);
    }
    assertThat(similarity(p, mine, Category.RESOURCE)).isGreaterThan(before + 0.05);
    assertThat(p.nearest(mine, 1).get(0).category()).isEqualTo(Category.RESOURCE);
  }

  @Test
  void trainingIsDeterministic() {
    HdcPrototypes a = small();
    HdcPrototypes b = small();
    a.train(corpus(3, 8), TrainingOptions.DEFAULT);
    b.train(corpus(3, 8), TrainingOptions.DEFAULT);
    assertThat(a.accumulators().keySet()).isEqualTo(b.accumulators().keySet());
    for (Category c : a.accumulators().keySet()) {
      assertThat(a.accumulators().get(c).copyCounts())
          .isEqualTo(b.accumulators().get(c).copyCounts());
    }
  }

  private static double similarity(HdcPrototypes p, List<String> t, Category c) {
    return p.nearest(t, 12).stream()
        .filter(m -> m.category() == c)
        .findFirst()
        .orElseThrow()
        .similarity();
  }
}
