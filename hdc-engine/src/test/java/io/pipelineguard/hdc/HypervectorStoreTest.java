package io.pipelineguard.hdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class HypervectorStoreTest {
  private static final Dimension D = Dimension.of(512);

  @Test
  void nearestMatchesABruteForceSort() {
    for (long seed = 0; seed < 20; seed++) {
      HypervectorStore store = new HypervectorStore(D, 2);
      List<Hypervector> all = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        Hypervector v = Hypervector.random(D, seed * 1000 + i);
        all.add(v);
        assertThat(store.add(v)).isEqualTo(i);
      }
      Hypervector q = Hypervector.random(D, ~seed);

      List<IndexedMatch> top = store.nearest(q, 5);

      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        expected.add(i);
      }
      expected.sort(
          Comparator.<Integer>comparingInt(i -> all.get(i).hammingDistance(q))
              .thenComparingInt(i -> i));
      assertThat(top)
          .extracting(IndexedMatch::index)
          .containsExactlyElementsOf(expected.subList(0, 5));
      assertThat(store.get(top.get(0).index())).isEqualTo(all.get(expected.get(0)));
    }
  }

  @Test
  void batchEqualsSingleQueries() {
    HypervectorStore store = new HypervectorStore(D, 16);
    for (int i = 0; i < 300; i++) {
      store.add(Hypervector.random(D, i));
    }
    List<Hypervector> queries = new ArrayList<>();
    for (int q = 0; q < 19; q++) {
      queries.add(q % 4 == 0 ? Hypervector.random(D, q * 10) : Hypervector.random(D, -q));
    }

    List<List<IndexedMatch>> batch = store.nearestBatch(queries, 3);

    assertThat(batch).hasSize(19);
    for (int q = 0; q < queries.size(); q++) {
      assertThat(batch.get(q)).isEqualTo(store.nearest(queries.get(q), 3));
    }
    assertThat(batch.get(4).get(0).index()).isEqualTo(40);
  }

  @Test
  void wrapAliasesTheArrayAndChecksItsLength() {
    long[] flat = new long[D.words() * 3];
    flat[D.words()] = -1L;
    HypervectorStore store = HypervectorStore.wrap(D, flat, 3);

    assertThat(store.size()).isEqualTo(3);
    assertThat(store.get(1).word(0)).isEqualTo(-1L);
    assertThatThrownBy(() -> HypervectorStore.wrap(D, flat, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new HypervectorStore(D, 0).nearest(Hypervector.zeros(D), 3)).isEmpty();
  }
}
