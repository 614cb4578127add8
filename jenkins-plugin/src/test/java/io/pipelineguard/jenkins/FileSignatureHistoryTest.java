package io.pipelineguard.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSignatureHistoryTest {
  @TempDir Path dir;

  @Test
  void seenSignaturesSurviveARestartAndTheOldestAreDropped() {
    FileSignatureHistory history = new FileSignatureHistory(dir, 2);
    history.record("sig-a", Instant.ofEpochSecond(100));
    history.record("sig-b", Instant.ofEpochSecond(200));
    history.record("sig-c", Instant.ofEpochSecond(300));

    FileSignatureHistory restarted = new FileSignatureHistory(dir, 2);

    assertThat(restarted.lastSeen("sig-c")).contains(Instant.ofEpochSecond(300));
    assertThat(restarted.lastSeen("sig-b")).contains(Instant.ofEpochSecond(200));
    assertThat(restarted.lastSeen("sig-a")).isEmpty();
  }

  @Test
  void damagedLinesAreSkipped() throws Exception {
    Files.writeString(
        dir.resolve(FileSignatureHistory.FILE),
        "garbage\n12x\tsig-x\n500\tsig-ok\n\t\n",
        StandardCharsets.UTF_8);

    FileSignatureHistory history = new FileSignatureHistory(dir, 10);

    assertThat(history.lastSeen("sig-ok")).contains(Instant.ofEpochMilli(500));
    assertThat(history.lastSeen("sig-x")).isEmpty();
  }

  @Test
  void aFailureSeenBeforeARestartIsNotNewAfterIt() {
    java.time.Clock clock =
        java.time.Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), java.time.ZoneOffset.UTC);
    java.util.List<String> log =
        java.util.List.of(
            "+ ./gradlew build",
            "Exception in thread \"main\" java.net.UnknownHostException: repo.example.org",
            "ERROR: script returned exit code 1");
    SharedGuardEngine first =
        new SharedGuardEngine(dir, new GuardLedger(dir, clock), new UserRules(dir), clock);
    boolean novelAtFirst = first.diagnose(log).novel();

    SharedGuardEngine afterRestart =
        new SharedGuardEngine(dir, new GuardLedger(dir, clock), new UserRules(dir), clock);

    assertThat(novelAtFirst).isTrue();
    assertThat(afterRestart.diagnose(log).novel()).isFalse();
  }
}
