package io.pipelineguard.repair.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.repair.RepairStrategy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairStatsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static RepairStatistics statsWith(int successes, int failures) {
    RepairStatistics stats = new RepairStatistics(Duration.ofDays(30));
    for (int i = 0; i < successes + failures; i++) {
      stats.record(
          new RepairOutcome(
              "shop",
              "net:clone",
              Category.NETWORK,
              RepairStrategy.RETRY_JOB,
              i < successes,
              T0.plusSeconds(i)));
    }
    return stats;
  }

  @Test
  void estimateExplainsWithRawCounts() {
    RepairStatistics stats = statsWith(9, 1);

    SuccessEstimate est =
        stats.estimate("shop", "net:clone", Category.NETWORK, RepairStrategy.RETRY_JOB, T0);

    assertThat(est.explanation())
        .startsWith("retry job has fixed this signature 9 of 10 times in shop");
    assertThat(est.probability()).isBetween(0.8, 0.95);
  }

  @Test
  void coldStartComesFromTheTaxonomy() {
    RepairStatistics stats = new RepairStatistics(Duration.ofDays(30));

    double transientEst =
        stats.estimate("p", "s", Category.NETWORK, RepairStrategy.RETRY_JOB, T0).probability();
    double deterministicEst =
        stats.estimate("p", "s", Category.COMPILATION, RepairStrategy.RETRY_JOB, T0).probability();

    assertThat(transientEst).isEqualTo(0.8);
    assertThat(deterministicEst).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void oldOutcomesDecay() {
    StrategyStats s = StrategyStats.empty(T0).plus(true, T0, Duration.ofDays(10));

    StrategyStats later = s.decayedTo(T0.plus(Duration.ofDays(10)), Duration.ofDays(10));

    assertThat(later.weightedSuccesses()).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(later.successes()).isEqualTo(1);
  }

  @Test
  void codecRoundTripsEveryField() {
    Map<StatsKey, StrategyStats> snapshot = statsWith(3, 2).snapshot();

    Map<StatsKey, StrategyStats> decoded =
        RepairStatsCodec.decode(RepairStatsCodec.encode(snapshot));

    assertThat(decoded).isEqualTo(snapshot);
  }

  @Test
  void keysWithTabsAndNewlinesSurvive() {
    StatsKey key = new StatsKey(StatsKey.Scope.PATTERN, "a\tb\nc\\d\re", RepairStrategy.ROLLBACK);
    Map<StatsKey, StrategyStats> in = Map.of(key, StrategyStats.empty(T0));

    assertThat(RepairStatsCodec.decode(RepairStatsCodec.encode(in))).isEqualTo(in);
  }

  @Test
  void flippedByteIsRejected() {
    byte[] bytes = RepairStatsCodec.encode(statsWith(3, 2).snapshot());
    bytes[40] ^= 0x01;

    assertThatThrownBy(() -> RepairStatsCodec.decode(bytes))
        .isInstanceOf(InvalidRepairStatsFormatException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void truncatedAndForeignInputIsRejected() {
    byte[] bytes = RepairStatsCodec.encode(statsWith(1, 1).snapshot());
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 5);
    byte[] foreign = "hello\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RepairStatsCodec.decode(truncated))
        .isInstanceOf(InvalidRepairStatsFormatException.class);
    assertThatThrownBy(() -> RepairStatsCodec.decode(foreign))
        .isInstanceOf(InvalidRepairStatsFormatException.class);
  }

  @Test
  void validChecksumOverBadContentIsStillRejected() {
    String body = RepairStatsCodec.HEADER + "\nentries 1\nX\tk\tretry_job\t1\t0\t1.0\t0.0\t0\n";
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    byte[] bytes =
        (body + String.format("crc32 %08x", crc.getValue()) + "\n")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RepairStatsCodec.decode(bytes))
        .isInstanceOf(InvalidRepairStatsFormatException.class)
        .hasMessageContaining("line 3: scope must be C or P");
  }

  @Test
  void fileStoreSavesAndLoads(@TempDir Path dir) throws Exception {
    FileRepairStatsStore store = new FileRepairStatsStore(dir.resolve("stats.txt"));
    Map<StatsKey, StrategyStats> snapshot = statsWith(2, 1).snapshot();

    Map<StatsKey, StrategyStats> before = store.load();
    store.save(snapshot);
    RepairStatistics restored = new RepairStatistics(Duration.ofDays(30));
    restored.replaceAll(store.load());

    assertThat(before).isEmpty();
    assertThat(restored.snapshot()).isEqualTo(snapshot);
    Files.write(dir.resolve("stats.txt"), "garbage".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(store::load)
        .isInstanceOf(InvalidRepairStatsFormatException.class)
        .hasMessageContaining("stats.txt");
  }

  @Test
  void probeOutcomesAreCountedApartAndSurviveTheCodec() {
    RepairStatistics stats = statsWith(2, 0);
    stats.recordProbe(RepairStrategy.RETRY_WITH_BACKOFF, true, T0);
    stats.recordProbe(RepairStrategy.RETRY_WITH_BACKOFF, false, T0);
    stats.recordProbe(RepairStrategy.RETRY_WITH_BACKOFF, false, T0);

    RepairStatistics reloaded = new RepairStatistics(Duration.ofDays(30));
    reloaded.replaceAll(RepairStatsCodec.decode(RepairStatsCodec.encode(stats.snapshot())));

    assertThat(reloaded.probeOutcomes(RepairStrategy.RETRY_WITH_BACKOFF, T0))
        .containsExactly(1.0, 2.0, 3.0);
    assertThat(reloaded.probeOutcomes(RepairStrategy.RETRY_JOB, T0)).containsExactly(0.0, 0.0, 0.0);
    assertThat(
            reloaded
                .estimate("shop", "net:clone", Category.NETWORK, RepairStrategy.RETRY_JOB, T0)
                .categoryTrials())
        .isEqualTo(2);
  }
}
