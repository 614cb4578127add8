package io.pipelineguard.diagnosis.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.io.InvalidHypervectorFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrototypeModelFileTest {
  private static byte[] saved(HdcPrototypes p) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrototypeModelFile.write(out, p);
    return out.toByteArray();
  }

  private static HdcPrototypes trained() {
    HdcPrototypes p = new HdcPrototypes(new FailureEncoder(Dimension.of(1024), 11, 8), 0.25);
    p.train(HdcPrototypesTest.corpus(5, 6), TrainingOptions.DEFAULT);
    return p;
  }

  @Test
  void roundTripKeepsModelAndAnswers() throws IOException {
    HdcPrototypes p = trained();
    HdcPrototypes q = PrototypeModelFile.read(new ByteArrayInputStream(saved(p)));
    assertThat(q.encoder().seed()).isEqualTo(11);
    assertThat(q.encoder().maxTemplates()).isEqualTo(8);
    assertThat(q.encoder().dimension()).isEqualTo(Dimension.of(1024));
    assertThat(q.onlineRate()).isEqualTo(0.25);
    List<String> t = List.of("handshake with remote host timed out after <N> seconds");
    assertThat(q.nearest(t, 3)).isEqualTo(p.nearest(t, 3));
    assertThat(saved(q)).isEqualTo(saved(p));
  }

  @Test
  void corruptedTruncatedOrForeignFilesAreRejected() throws IOException {
    byte[] good = saved(trained());
    for (int at : new int[] {0, 9, 40, good.length / 2, good.length - 1}) {
      byte[] bad = good.clone();
      bad[at] ^= 0x10;
      assertThatThrownBy(() -> PrototypeModelFile.read(new ByteArrayInputStream(bad)))
          .as("flipped byte %d", at)
          .isInstanceOf(InvalidHypervectorFormatException.class);
    }
    byte[] cut = Arrays.copyOf(good, good.length - 5);
    assertThatThrownBy(() -> PrototypeModelFile.read(new ByteArrayInputStream(cut)))
        .isInstanceOf(InvalidHypervectorFormatException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> PrototypeModelFile.read(new ByteArrayInputStream(new byte[3])))
        .isInstanceOf(InvalidHypervectorFormatException.class);
  }
}
