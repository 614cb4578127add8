package io.pipelineguard.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardLedgerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC);
  @TempDir Path dir;

  private static Diagnosis network() {
    return new Diagnosis(
        Category.NETWORK, true, 0.8, List.of(), "sig\twith tab", false, "dns\nfailed");
  }

  @Test
  void healthEventsAndRepairsSurviveAReload() {
    GuardLedger ledger = new GuardLedger(dir, CLOCK);
    ledger.recordBuild(new FinishedBuild("team/app", 1, "SUCCESS", 1_000, 5, Optional.empty()));
    ledger.recordBuild(
        new FinishedBuild("team/app", 2, "FAILURE", 3_000, 9, Optional.of(network())));
    ledger.recordOutcome(
        new RepairOutcome(
            "team/app", "sig", Category.NETWORK, GuardDecision.Action.RETRY, 2, true));
    ledger.recordFeedback("sig", Category.INFRASTRUCTURE, "it was the runner");

    GuardLedger reloaded = new GuardLedger(dir, CLOCK);

    assertThat(reloaded.jobs())
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.builds()).isEqualTo(2);
              assertThat(j.failures()).isEqualTo(1);
              assertThat(j.consecutiveFailures()).isEqualTo(1);
              assertThat(j.meanDurationMillis()).isEqualTo(2_000);
              assertThat(j.successRate()).isEqualTo(0.5);
            });
    assertThat(reloaded.recentEvents())
        .extracting(GuardLedger.Event::kind)
        .containsExactly(
            GuardLedger.Kind.FEEDBACK, GuardLedger.Kind.REPAIR, GuardLedger.Kind.DIAGNOSIS);
    assertThat(reloaded.recentEvents().get(2).signature()).isEqualTo("sig\twith tab");
    assertThat(reloaded.recentEvents().get(2).detail()).contains("dns\nfailed");
    assertThat(reloaded.repairStats())
        .containsExactly(new GuardLedger.RepairStats(Category.NETWORK, 1, 1));
  }

  @Test
  void eventsAreBounded() {
    GuardLedger ledger = new GuardLedger(dir, CLOCK);
    for (int i = 0; i < GuardLedger.MAX_EVENTS + 10; i++) {
      ledger.recordFeedback("s" + i, Category.UNKNOWN, "");
    }
    assertThat(ledger.recentEvents()).hasSize(GuardLedger.MAX_EVENTS);
    assertThat(ledger.recentEvents().get(0).signature())
        .isEqualTo("s" + (GuardLedger.MAX_EVENTS + 9));
  }

  @Test
  void damagedLinesAreSkipped() throws Exception {
    Files.writeString(
        dir.resolve("ledger.tsv"),
        "J\tok\t1\t0\t0\tSUCCESS\t10\t1\nJ\tbroken\tx\nZ\tfuture\nR\tnetwork\t3\t2\n",
        StandardCharsets.UTF_8);
    GuardLedger ledger = new GuardLedger(dir, CLOCK);
    assertThat(ledger.jobs()).extracting(GuardLedger.JobHealth::job).containsExactly("ok");
    assertThat(ledger.repairStats())
        .containsExactly(new GuardLedger.RepairStats(Category.NETWORK, 3, 2));
  }
}
