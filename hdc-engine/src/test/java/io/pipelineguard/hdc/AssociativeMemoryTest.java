package io.pipelineguard.hdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssociativeMemoryTest {
  private static final Dimension D = Dimension.DEFAULT;

  @Test
  void nearestReturnsTopKOrderedBestFirst() {
    for (long seed = 0; seed < 20; seed++) {
      AssociativeMemory memory = new AssociativeMemory(D);
      List<Hypervector> centers = new ArrayList<>();
      for (int c = 0; c < 6; c++) {
        centers.add(Hypervector.random(D, seed * 100 + c));
        memory.learn("class-" + c, centers.get(c), 1);
      }
      Hypervector query = noisy(centers.get(3), 0.2, seed);

      List<Match> top = memory.nearest(query, 3);

      assertThat(top).hasSize(3);
      assertThat(top.get(0).label()).isEqualTo("class-3");
      assertThat(top.get(0).distance()).isEqualTo(query.hammingDistance(centers.get(3)));
      assertThat(top.get(0).similarity()).isEqualTo(query.similarity(centers.get(3)));
      for (int i = 1; i < top.size(); i++) {
        assertThat(top.get(i).distance()).isGreaterThanOrEqualTo(top.get(i - 1).distance());
      }
      assertThat(memory.nearest(query, 100)).hasSize(6);
    }
  }

  @Test
  void batchEqualsSingleQueries() {
    SplittableRandom rnd = new SplittableRandom(11);
    AssociativeMemory memory = new AssociativeMemory(D);
    for (int c = 0; c < 30; c++) {
      memory.learn("c" + c, Hypervector.random(D, rnd.nextLong()), 1 + rnd.nextInt(3));
    }
    List<Hypervector> queries = new ArrayList<>();
    for (int q = 0; q < 21; q++) {
      queries.add(Hypervector.random(D, rnd.nextLong()));
    }

    List<List<Match>> batch = memory.nearestBatch(queries, 4);

    assertThat(batch).hasSize(21);
    for (int q = 0; q < queries.size(); q++) {
      assertThat(batch.get(q)).isEqualTo(memory.nearest(queries.get(q), 4));
    }
  }

  @Test
  void learningMovesThePrototypeAndUnlearningUndoesIt() {
    AssociativeMemory memory = new AssociativeMemory(D);
    Hypervector a = Hypervector.random(D, 1);
    Hypervector b = Hypervector.random(D, 2);
    memory.learn("x", a, 1);
    assertThat(memory.prototype("x")).contains(a);

    memory.learn("x", b, 3);
    assertThat(memory.prototype("x")).contains(b);
    assertThat(memory.count("x")).isEqualTo(4);

    memory.unlearn("x", b, 3);
    assertThat(memory.prototype("x")).contains(a);
    assertThat(memory.prototype("missing")).isEmpty();
    assertThat(memory.labels()).containsExactly("x");
    memory.validate();
  }

  @Test
  void equalDistancesGoToTheLabelLearnedFirst() {
    AssociativeMemory memory = new AssociativeMemory(D);
    Hypervector v = Hypervector.random(D, 1);
    memory.learn("second", Hypervector.random(D, 2), 1);
    memory.learn("first-twin", v, 1);
    memory.learn("second-twin", v, 1);

    assertThat(memory.nearest(v, 2))
        .extracting(Match::label)
        .containsExactly("first-twin", "second-twin");
  }

  @Test
  void copyIsIndependentAndValid() {
    AssociativeMemory memory = new AssociativeMemory(D);
    memory.learn("a", Hypervector.random(D, 1), 1);
    AssociativeMemory copy = memory.copy();

    memory.learn("a", Hypervector.random(D, 2), 5);

    assertThat(copy.prototype("a")).contains(Hypervector.random(D, 1));
    copy.validate();
    memory.validate();
  }

  @Test
  void invalidCallsAreRejected() {
    AssociativeMemory memory = new AssociativeMemory(D);
    Hypervector v = Hypervector.random(D, 1);

    assertThatThrownBy(() -> memory.unlearn("nope", v, 1)).hasMessageContaining("unknown label");
    assertThatThrownBy(() -> memory.learn("", v, 1)).hasMessageContaining("label");
    assertThatThrownBy(() -> memory.nearest(v, 0)).hasMessageContaining("k must be >= 1");
    assertThatThrownBy(() -> memory.learn("a", Hypervector.random(Dimension.of(64), 1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(memory.nearest(v, 3)).isEmpty();
  }

  @Test
  void growsPastInitialCapacity() {
    AssociativeMemory memory = new AssociativeMemory(Dimension.of(128));
    for (int i = 0; i < 100; i++) {
      memory.learn("l" + i, Hypervector.random(Dimension.of(128), i), 1);
    }

    assertThat(memory.size()).isEqualTo(100);
    assertThat(memory.nearest(Hypervector.random(Dimension.of(128), 57), 1).get(0).label())
        .isEqualTo("l57");
    memory.validate();
  }

  static Hypervector noisy(Hypervector v, double flipFraction, long seed) {
    long[] w = v.copyWords();
    SplittableRandom rnd = new SplittableRandom(seed);
    int flips = (int) (flipFraction * v.dimension().bits());
    for (int i = 0; i < flips; i++) {
      int b = rnd.nextInt(v.dimension().bits());
      w[b >>> 6] ^= 1L << b;
    }
    return Hypervector.fromWords(v.dimension(), w);
  }
}
