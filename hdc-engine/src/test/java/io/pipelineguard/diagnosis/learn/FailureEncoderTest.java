package io.pipelineguard.diagnosis.learn;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureEncoderTest {
  private static final List<String> DISK =
      List.of(
          "write failed: the volume has no free blocks left", "copy step aborted with code <N>");

  @Test
  void sameTemplatesGiveSameVectorAcrossInstances() {
    Hypervector a = new FailureEncoder(Dimension.of(2048), 7, 32).encode(DISK).orElseThrow();
    Hypervector b = new FailureEncoder(Dimension.of(2048), 7, 32).encode(DISK).orElseThrow();
    assertThat(a).isEqualTo(b);
    Hypervector other = new FailureEncoder(Dimension.of(2048), 8, 32).encode(DISK).orElseThrow();
    assertThat(other).isNotEqualTo(a);
  }

  @Test
  void relatedFailuresAreCloserThanUnrelatedOnes() {
    FailureEncoder enc = new FailureEncoder(Dimension.DEFAULT, 1, 32);
    Hypervector a = enc.encode(DISK).orElseThrow();
    Hypervector near =
        enc.encode(List.of("write failed: the volume has no free blocks left", "other noise"))
            .orElseThrow();
    Hypervector far =
        enc.encode(List.of("assertion mismatch in widget spec", "expected <N> got <N>"))
            .orElseThrow();
    assertThat(a.similarity(near)).isGreaterThan(a.similarity(far) + 0.2);
  }

  @Test
  void emptyOrTokenlessTemplatesEncodeToNothing() {
    FailureEncoder enc = new FailureEncoder(Dimension.of(1024), 1, 4);
    assertThat(enc.encode(List.of())).isEmpty();
    assertThat(enc.encode(List.of("--- ::: ---"))).isEmpty();
    assertThat(FailureEncoder.weight(0)).isEqualTo(8);
    assertThat(FailureEncoder.weight(100)).isEqualTo(1);
  }

  @Test
  void tokenizerLowercasesAndBounds() {
    assertThat(TemplateTokenizer.tokens("Error: <P>/Foo.java:<N> NOT found"))
        .containsExactly("error", "p", "foo", "java", "n", "not", "found");
    assertThat(TemplateTokenizer.tokens("a ".repeat(500))).hasSize(TemplateTokenizer.MAX_TOKENS);
  }
}
