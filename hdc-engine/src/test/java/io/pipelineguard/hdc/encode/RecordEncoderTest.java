package io.pipelineguard.hdc.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import io.pipelineguard.hdc.ItemMemory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEncoderTest {
  private static final Dimension D = Dimension.DEFAULT;
  private final ItemMemory items = new ItemMemory(D, 3);
  private final RecordEncoder records = new RecordEncoder(items);

  @Test
  void unbindingAKeyRecoversItsValue() {
    LevelEncoder duration = LevelEncoder.builder(items, "duration").range(0, 600).build();
    Map<String, Hypervector> fields = new LinkedHashMap<>();
    fields.put("runner", records.categorical("linux-large"));
    fields.put("stage", records.categorical("deploy"));
    fields.put("duration", duration.encode(120));

    Hypervector record = records.encode(fields);

    Hypervector runner = record.bind(records.key("runner"));
    assertThat(runner.similarity(records.categorical("linux-large"))).isGreaterThan(0.3);
    assertThat(Math.abs(runner.similarity(records.categorical("windows")))).isLessThan(0.06);
  }

  @Test
  void resultIsIndependentOfFieldOrder() {
    Map<String, Hypervector> ab = new LinkedHashMap<>();
    ab.put("a", records.categorical("1"));
    ab.put("b", records.categorical("2"));
    Map<String, Hypervector> ba = new LinkedHashMap<>();
    ba.put("b", records.categorical("2"));
    ba.put("a", records.categorical("1"));

    assertThat(records.encode(ab)).isEqualTo(records.encode(ba));
    assertThatThrownBy(() -> records.encode(Map.of())).hasMessageContaining("must not be empty");
  }
}
