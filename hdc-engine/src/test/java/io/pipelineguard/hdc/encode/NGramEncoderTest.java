package io.pipelineguard.hdc.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.hdc.BundleAccumulator;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import io.pipelineguard.hdc.ItemMemory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NGramEncoderTest {
  private static final Dimension D = Dimension.DEFAULT;
  private final ItemMemory items = new ItemMemory(D, 42);

  @Test
  void gramIsPermutedBindOldestRotatedMost() {
    NGramEncoder enc = NGramEncoder.builder(items).n(3).build();
    Hypervector a = items.vector("tok", "a");
    Hypervector b = items.vector("tok", "b");
    Hypervector c = items.vector("tok", "c");

    Hypervector expected = a.permute(128).bind(b.permute(64)).bind(c);

    assertThat(enc.gram(List.of("a", "b", "c"))).isEqualTo(expected);
    assertThat(enc.gram(List.of("c", "b", "a"))).isNotEqualTo(expected);
  }

  @Test
  void encodeEqualsExplicitBundleOfGramsAndUnigrams() {
    NGramEncoder enc = NGramEncoder.builder(items).n(2).includeUnigrams(true).build();
    List<String> tokens = List.of("connection", "refused", "to", "host");
    List<Hypervector> parts = new ArrayList<>();
    for (String t : tokens) {
      parts.add(items.vector("tok", t));
    }
    for (int i = 0; i + 1 < tokens.size(); i++) {
      parts.add(enc.gram(tokens.subList(i, i + 2)));
    }

    assertThat(enc.encode(tokens)).isEqualTo(Hypervector.bundle(parts));
  }

  @Test
  void bitSlicedEncodeEqualsIntegerAccumulation() {
    NGramEncoder enc = NGramEncoder.builder(items).n(3).build();
    for (int len = 1; len <= 12; len++) {
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < len; i++) {
        tokens.add("t" + (i * 7 % 5));
      }
      BundleAccumulator acc = new BundleAccumulator(D);

      enc.accumulate(tokens, acc, 1);

      assertThat(enc.encode(tokens)).as("length %d", len).isEqualTo(acc.toHypervector());
    }
  }

  @Test
  void accumulateCountsAddedVectorsAndHonoursWeight() {
    NGramEncoder enc = NGramEncoder.builder(items).n(3).includeUnigrams(false).build();
    BundleAccumulator acc = new BundleAccumulator(D);

    int added = enc.accumulate(List.of("a", "b", "c", "d", "e"), acc, 2);

    assertThat(added).isEqualTo(3);
    assertThat(acc.count()).isEqualTo(6);
    assertThat(enc.accumulate(List.of(), acc, 1)).isZero();
    assertThat(enc.accumulate(List.of("x", "y"), acc, 1)).isEqualTo(1); // short: one 2-gram
  }

  @Test
  void similarSequencesAreCloserThanUnrelatedOnes() {
    NGramEncoder enc = NGramEncoder.builder(items).build();
    Hypervector base =
        enc.encode(List.of("error", "could", "not", "resolve", "dependency", "foo", "bar"));
    Hypervector variant =
        enc.encode(List.of("error", "could", "not", "resolve", "dependency", "baz", "qux"));
    Hypervector unrelated =
        enc.encode(List.of("tests", "passed", "in", "twelve", "seconds", "ok", "done"));

    assertThat(base.similarity(variant)).isGreaterThan(0.2);
    assertThat(Math.abs(base.similarity(unrelated))).isLessThan(0.06);
  }

  @Test
  void orderMatters() {
    NGramEncoder enc = NGramEncoder.builder(items).includeUnigrams(false).build();

    Hypervector forward = enc.encode(List.of("a", "b", "c", "d"));
    Hypervector backward = enc.encode(List.of("d", "c", "b", "a"));

    assertThat(Math.abs(forward.similarity(backward))).isLessThan(0.06);
  }

  @Test
  void invalidInputIsRejected() {
    NGramEncoder enc = NGramEncoder.builder(items).build();

    assertThatThrownBy(() -> enc.encode(List.of())).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> NGramEncoder.builder(items).n(0)).hasMessageContaining("n must be");
    assertThatThrownBy(
            () -> enc.accumulate(List.of("a"), new BundleAccumulator(Dimension.of(64)), 1))
        .hasMessageContaining("dimension mismatch");
  }
}
