package io.pipelineguard.hdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentAssociativeMemoryTest {
  private static final Dimension D = Dimension.of(1024);

  @Test
  void concurrentReadersSeeConsistentResultsWhileOneThreadLearns() throws Exception {
    ConcurrentAssociativeMemory shared = new ConcurrentAssociativeMemory(D);
    AssociativeMemory reference = new AssociativeMemory(D);
    Hypervector anchor = Hypervector.random(D, 999);
    shared.learn("anchor", anchor, 1);
    reference.learn("anchor", anchor, 1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        readers.add(
            pool.submit(
                () -> {
                  int checks = 0;
                  for (int i = 0; i < 300; i++) {
                    List<Match> top = shared.nearest(anchor, 1);
                    assertThat(top.get(0).label()).isEqualTo("anchor");
                    assertThat(top.get(0).distance()).isZero();
                    checks++;
                  }
                  return checks;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; i < 200; i++) {
                  shared.learn("c" + (i % 10), Hypervector.random(D, i), 1);
                }
              });

      writer.get(30, TimeUnit.SECONDS);
      for (Future<Integer> f : readers) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(300);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < 200; i++) {
      reference.learn("c" + (i % 10), Hypervector.random(D, i), 1);
    }

    assertThat(shared.labels()).isEqualTo(reference.labels());
    for (String label : reference.labels()) {
      assertThat(shared.prototype(label)).isEqualTo(reference.prototype(label));
    }
    shared.snapshot().validate();
  }

  @Test
  void wrapsACopyOfTheInitialMemory() {
    AssociativeMemory initial = new AssociativeMemory(D);
    initial.learn("a", Hypervector.random(D, 1), 1);
    ConcurrentAssociativeMemory shared = new ConcurrentAssociativeMemory(initial);

    initial.learn("b", Hypervector.random(D, 2), 1);

    assertThat(shared.size()).isEqualTo(1);
    assertThat(shared.count("a")).isEqualTo(1);
    assertThat(shared.accumulator("a")).isPresent();
  }
}
