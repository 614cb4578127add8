package io.pipelineguard.hdc.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.hdc.AssociativeMemory;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class HypervectorFormatTest {
  private static final Dimension SMALL = Dimension.of(128);

  @Test
  void vectorsRoundTrip() throws IOException {
    List<Hypervector> vectors =
        List.of(
            Hypervector.random(Dimension.DEFAULT, 1),
            Hypervector.random(Dimension.DEFAULT, 2),
            Hypervector.zeros(Dimension.DEFAULT));

    byte[] bytes = HypervectorFormat.vectorsToBytes(vectors);

    assertThat(bytes).hasSize(28 + 3 * 1280);
    assertThat(HypervectorFormat.vectorsFromBytes(bytes)).isEqualTo(vectors);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HypervectorFormat.writeVector(out, vectors.get(0));
    assertThat(HypervectorFormat.readVector(new ByteArrayInputStream(out.toByteArray())))
        .isEqualTo(vectors.get(0));
  }

  @Test
  void memoryRoundTripKeepsIntegerAccumulatorsAndLabels() throws IOException {
    AssociativeMemory memory = sampleMemory(Dimension.DEFAULT);

    AssociativeMemory loaded =
        HypervectorFormat.memoryFromBytes(HypervectorFormat.memoryToBytes(memory));

    assertThat(loaded.labels()).containsExactlyElementsOf(memory.labels());
    for (String label : memory.labels()) {
      assertThat(loaded.accumulator(label).orElseThrow().copyCounts())
          .containsExactly(memory.accumulator(label).orElseThrow().copyCounts());
      assertThat(loaded.count(label)).isEqualTo(memory.count(label));
      assertThat(loaded.prototype(label)).isEqualTo(memory.prototype(label));
    }
    loaded.learn("dependency-resolution", Hypervector.random(Dimension.DEFAULT, 9), 1);
    loaded.validate();
  }

  @Test
  void streamsCanHoldSeveralFilesBackToBack() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HypervectorFormat.writeVector(out, Hypervector.random(SMALL, 1));
    HypervectorFormat.writeMemory(out, sampleMemory(SMALL));
    InputStream in = new ByteArrayInputStream(out.toByteArray());

    assertThat(HypervectorFormat.readVector(in)).isEqualTo(Hypervector.random(SMALL, 1));
    assertThat(HypervectorFormat.readMemory(in).size()).isEqualTo(3);
    assertThat(in.read()).isEqualTo(-1);
  }

  @Test
  void everyTruncationIsRejected() {
    byte[] vectors = HypervectorFormat.vectorsToBytes(List.of(Hypervector.random(SMALL, 1)));
    byte[] memory = HypervectorFormat.memoryToBytes(sampleMemory(SMALL));

    for (int len = 0; len < vectors.length; len++) {
      byte[] cut = Arrays.copyOf(vectors, len);
      assertThatThrownBy(() -> HypervectorFormat.vectorsFromBytes(cut))
          .as("vector file cut at %d", len)
          .isInstanceOf(InvalidHypervectorFormatException.class);
    }
    for (int len = 0; len < memory.length; len++) {
      byte[] cut = Arrays.copyOf(memory, len);
      assertThatThrownBy(() -> HypervectorFormat.memoryFromBytes(cut))
          .as("memory file cut at %d", len)
          .isInstanceOf(InvalidHypervectorFormatException.class);
    }
  }

  @Test
  void everySingleByteCorruptionIsRejected() {
    byte[] memory = HypervectorFormat.memoryToBytes(sampleMemory(SMALL));

    for (int i = 0; i < memory.length; i++) {
      for (int flip : new int[] {0x01, 0x80, 0xFF}) {
        byte[] bad = memory.clone();
        bad[i] ^= (byte) flip;
        assertThatThrownBy(() -> HypervectorFormat.memoryFromBytes(bad))
            .as("byte %d xor %x", i, flip)
            .isInstanceOf(InvalidHypervectorFormatException.class);
      }
    }
  }

  @Test
  void trailingBytesAreRejected() {
    byte[] ok = HypervectorFormat.vectorsToBytes(List.of(Hypervector.random(SMALL, 1)));
    byte[] longer = Arrays.copyOf(ok, ok.length + 1);

    assertThatThrownBy(() -> HypervectorFormat.vectorsFromBytes(longer))
        .isInstanceOf(InvalidHypervectorFormatException.class)
        .hasMessageContaining("unexpected bytes");
  }

  @Test
  void wrongHeaderFieldsHaveSpecificMessagesEvenWithAValidChecksum() {
    byte[] ok = HypervectorFormat.vectorsToBytes(List.of(Hypervector.random(SMALL, 1)));

    assertRejected(withHeader(ok, b -> b.putInt(0, 0x12345678)), "not a hypervector file");
    assertRejected(withHeader(ok, b -> b.putShort(4, (short) 2)), "unsupported format version 2");
    assertRejected(withHeader(ok, b -> b.put(6, (byte) 2)), "kind 2 where kind 1");
    assertRejected(withHeader(ok, b -> b.put(7, (byte) 9)), "StableHash version 9");
    assertRejected(withHeader(ok, b -> b.putInt(8, 100)), "positive multiple of 64, was 100");
    assertRejected(withHeader(ok, b -> b.putInt(8, 256)), "payload length");
    assertRejected(withHeader(ok, b -> b.putInt(12, -1)), "negative count");
    assertRejected(withHeader(ok, b -> b.putInt(12, 2)), "payload length");
  }

  @Test
  void hugeDeclaredSizesAreRejectedBeforeAllocating() {
    byte[] ok = HypervectorFormat.vectorsToBytes(List.of(Hypervector.random(SMALL, 1)));

    assertRejected(withHeader(ok, b -> b.putLong(16, Long.MAX_VALUE)), "outside [0,");
    assertRejected(withHeader(ok, b -> b.putLong(16, -5)), "outside [0,");
    // A declared gigabyte on a short stream fails as truncation, reading only what exists.
    byte[] lying = withHeader(ok, b -> b.putLong(16, (1L << 30) - 64));
    assertRejected(lying, "truncated payload");
    byte[] memory = HypervectorFormat.memoryToBytes(sampleMemory(SMALL));
    assertThatThrownBy(
            () ->
                HypervectorFormat.memoryFromBytes(
                    withHeader(memory, b -> b.putInt(12, Integer.MAX_VALUE))))
        .isInstanceOf(InvalidHypervectorFormatException.class)
        .hasMessageContaining("cannot hold");
    assertThatThrownBy(() -> HypervectorFormat.readVectors(new ByteArrayInputStream(ok), 10))
        .isInstanceOf(InvalidHypervectorFormatException.class);
  }

  @Test
  void invalidMemoryPayloadsAreRejectedEvenWithAValidChecksum() {
    byte[] memory = HypervectorFormat.memoryToBytes(sampleMemory(SMALL));
    int firstLabelLength = ByteBuffer.wrap(memory).getShort(24);

    // rename the second label to the first one: duplicate labels
    AssociativeMemory twoLabels = new AssociativeMemory(SMALL);
    twoLabels.learn("alpha", Hypervector.random(SMALL, 1), 1);
    twoLabels.learn("bravo", Hypervector.random(SMALL, 2), 1);
    byte[] duplicate = HypervectorFormat.memoryToBytes(twoLabels);
    int second = 24 + 2 + 5 + 8 + 4 * SMALL.bits();
    System.arraycopy(duplicate, 26, duplicate, second + 2, 5);
    assertThatThrownBy(() -> HypervectorFormat.memoryFromBytes(resealed(duplicate)))
        .hasMessageContaining("duplicate label");

    // counter parity contradicting the total weight
    byte[] parity = memory.clone();
    int firstCounter = 24 + 2 + firstLabelLength + 8;
    ByteBuffer.wrap(parity).putInt(firstCounter, ByteBuffer.wrap(memory).getInt(firstCounter) + 1);
    assertThatThrownBy(() -> HypervectorFormat.memoryFromBytes(resealed(parity)))
        .hasMessageContaining("parity");

    // invalid UTF-8 in a label
    byte[] utf8 = memory.clone();
    utf8[26] = (byte) 0xFF;
    assertThatThrownBy(() -> HypervectorFormat.memoryFromBytes(resealed(utf8)))
        .hasMessageContaining("UTF-8");
  }

  private static AssociativeMemory sampleMemory(Dimension d) {
    AssociativeMemory memory = new AssociativeMemory(d);
    memory.learn("dependency-resolution", Hypervector.random(d, 1), 3);
    memory.learn("dependency-resolution", Hypervector.random(d, 2), 1);
    memory.learn("test-flake", Hypervector.random(d, 3), 1);
    memory.learn("infra-тест-✓", Hypervector.random(d, 4), 2);
    memory.unlearn("test-flake", Hypervector.random(d, 4), 1);
    return memory;
  }

  private interface HeaderEdit {
    void apply(ByteBuffer header);
  }

  /** Applies an edit to the header and recomputes the checksum, so only the edit is wrong. */
  private static byte[] withHeader(byte[] file, HeaderEdit edit) {
    byte[] copy = file.clone();
    edit.apply(ByteBuffer.wrap(copy));
    return resealed(copy);
  }

  private static byte[] resealed(byte[] file) {
    CRC32C crc = new CRC32C();
    crc.update(file, 0, file.length - 4);
    ByteBuffer.wrap(file).putInt(file.length - 4, (int) crc.getValue());
    return file;
  }

  private static void assertRejected(byte[] bytes, String message) {
    assertThatThrownBy(() -> HypervectorFormat.vectorsFromBytes(bytes))
        .isInstanceOf(InvalidHypervectorFormatException.class)
        .hasMessageContaining(message);
  }
}
