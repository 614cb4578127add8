package io.pipelineguard.bridge.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RunUpdatesTest {
  private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

  private final LiveEvents events = new LiveEvents(new ObjectMapper(), 8);
  private final List<String> frames = new ArrayList<>();
  private int statusCalls;

  private RunUpdates updates(Clock clock) {
    return new RunUpdates(
        events,
        run ->
            Map.of(
                "id",
                run.platform().wireName() + ":" + run.pipeline(),
                "last_status",
                run.conclusion(),
                "last_run_at",
                run.updatedAt().toString()),
        () -> Map.of("calls", ++statusCalls),
        clock,
        Duration.ofSeconds(1));
  }

  private void joinClient() {
    events.join(
        new LiveSink() {
          @Override
          public void send(String text, Consumer<Throwable> done) {
            frames.add(text);
            done.accept(null);
          }

          @Override
          public void close(int code, String reason) {}
        });
  }

  private static RunRecord run(String conclusion) {
    return new RunRecord(
        0,
        Platform.values()[0],
        "k/1",
        "acme/shop",
        "1",
        "completed",
        conclusion,
        null,
        null,
        "main",
        T0,
        T0.plusSeconds(60));
  }

  @Test
  void nothing_is_computed_while_no_client_listens() {
    updates(Clock.fixed(T0, ZoneOffset.UTC)).accept(run("failure"));

    assertThat(frames).isEmpty();
    assertThat(statusCalls).isZero();
  }

  @Test
  void each_run_is_a_pipeline_update_and_status_is_sent_at_most_once_per_interval() {
    joinClient();
    RunUpdates hook = updates(Clock.fixed(T0, ZoneOffset.UTC));

    hook.accept(run("failure"));
    hook.accept(run("success"));

    assertThat(frames)
        .filteredOn(f -> f.startsWith("{\"type\":\"pipeline_update\""))
        .hasSize(2)
        .first()
        .asString()
        .contains(
            ":acme/shop\"",
            "\"last_status\":\"failure\"",
            "\"last_run_at\":\"2026-11-28T09:01:00Z\"");
    assertThat(frames).filteredOn(f -> f.contains("system_status")).hasSize(1);
    assertThat(statusCalls).isEqualTo(1);
  }

  @Test
  void status_is_sent_again_after_the_interval() {
    joinClient();
    Instant[] now = {T0};
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    RunUpdates hook = updates(clock);

    hook.accept(run("failure"));
    now[0] = T0.plusMillis(1500);
    hook.accept(run("success"));

    assertThat(statusCalls).isEqualTo(2);
  }
}
