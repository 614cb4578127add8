package io.pipelineguard.hdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemMemoryTest {
  @Test
  void vectorsAreStableAcrossInstancesAndPinned() {
    ItemMemory a = new ItemMemory(Dimension.DEFAULT, 20240601L);
    ItemMemory b = new ItemMemory(Dimension.DEFAULT, 20240601L, 0);

    Hypervector v = a.vector("tok", "timeout");

    assertThat(b.vector("tok", "timeout")).isEqualTo(v);
    assertThat(v.word(0)).isEqualTo(0xFECDAA27651530C0L);
    assertThat(v.word(159)).isEqualTo(0xE668675313F85B51L);
    assertThat(v.popCount()).isEqualTo(5189);
  }

  @Test
  void namespacesTokensAndSeedsGiveUnrelatedVectors() {
    ItemMemory m = new ItemMemory(Dimension.DEFAULT, 1);
    ItemMemory other = new ItemMemory(Dimension.DEFAULT, 2);
    Hypervector tok = m.vector("tok", "error");

    assertThat(Math.abs(tok.similarity(m.vector("key", "error")))).isLessThan(0.06);
    assertThat(Math.abs(tok.similarity(m.vector("tok", "errors")))).isLessThan(0.06);
    assertThat(Math.abs(tok.similarity(other.vector("tok", "error")))).isLessThan(0.06);
  }

  @Test
  void cacheIsBoundedAndTransparent() {
    ItemMemory cached = new ItemMemory(Dimension.of(128), 9, 8);
    ItemMemory uncached = new ItemMemory(Dimension.of(128), 9, 0);
    Set<Hypervector> distinct = new HashSet<>();

    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 20; i++) {
        Hypervector v = cached.vector("tok", "t" + i);
        assertThat(v).isEqualTo(uncached.vector("tok", "t" + i));
        distinct.add(v);
      }
    }

    assertThat(distinct).hasSize(20);
    assertThat(cached.cacheCapacity()).isEqualTo(8);
  }

  @Test
  void writeVectorFillsTheSameWordsWithoutAllocatingAVector() {
    ItemMemory m = new ItemMemory(Dimension.of(256), 5);
    long[] dst = new long[10];

    m.writeVector("tok", "x", dst, 3);

    Hypervector v = m.vector("tok", "x");
    for (int i = 0; i < 4; i++) {
      assertThat(dst[3 + i]).isEqualTo(v.word(i));
    }
    assertThat(dst[0]).isZero();
  }
}
