package io.pipelineguard.bridge.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LiveEventsTest {
  /** Records frames; completes them at once unless told to hold them (a slow client). */
  private static final class RecordingSink implements LiveSink {
    final List<String> frames = new ArrayList<>();
    final List<Consumer<Throwable>> held = new ArrayList<>();
    final boolean slow;
    String closedWith;

    RecordingSink(boolean slow) {
      this.slow = slow;
    }

    @Override
    public void send(String text, Consumer<Throwable> done) {
      frames.add(text);
      if (slow) {
        held.add(done);
      } else {
        done.accept(null);
      }
    }

    @Override
    public void close(int code, String reason) {
      closedWith = code + " " + reason;
    }
  }

  private final LiveEvents events = new LiveEvents(new ObjectMapper(), 3);

  @Test
  void publish_sends_one_type_and_data_frame_to_every_client() {
    RecordingSink a = new RecordingSink(false);
    RecordingSink b = new RecordingSink(false);
    events.join(a);
    events.join(b);

    events.publish("alerts_update", Map.of("active", List.of()));

    assertThat(a.frames).containsExactly("{\"type\":\"alerts_update\",\"data\":{\"active\":[]}}");
    assertThat(b.frames).isEqualTo(a.frames);
  }

  @Test
  void send_to_reaches_only_that_client() {
    RecordingSink a = new RecordingSink(false);
    RecordingSink b = new RecordingSink(false);
    LiveEvents.Client first = events.join(a);
    events.join(b);

    events.sendTo(first, "system_status", Map.of("version", "1"));

    assertThat(a.frames).hasSize(1);
    assertThat(b.frames).isEmpty();
  }

  @Test
  void a_slow_client_is_dropped_and_the_others_keep_receiving() {
    RecordingSink slow = new RecordingSink(true);
    RecordingSink fast = new RecordingSink(false);
    LiveEvents.Client stuck = events.join(slow);
    events.join(fast);

    for (int i = 0; i < 5; i++) {
      events.publish("pipeline_update", Map.of("id", "p" + i));
    }

    assertThat(stuck.isDropped()).isTrue();
    assertThat(slow.frames).hasSize(3);
    assertThat(slow.closedWith).startsWith("1008 too slow");
    assertThat(fast.frames).hasSize(5);
    assertThat(events.clientCount()).isEqualTo(1);
  }

  @Test
  void a_client_that_catches_up_is_kept() {
    RecordingSink slow = new RecordingSink(true);
    LiveEvents.Client client = events.join(slow);

    for (int i = 0; i < 10; i++) {
      events.publish("pipeline_update", Map.of("id", "p" + i));
      slow.held.remove(0).accept(null);
    }

    assertThat(client.isDropped()).isFalse();
    assertThat(slow.frames).hasSize(10);
  }

  @Test
  void a_failed_send_drops_the_client_and_leave_forgets_it() {
    RecordingSink failing = new RecordingSink(true);
    LiveEvents.Client client = events.join(failing);
    RecordingSink other = new RecordingSink(false);
    LiveEvents.Client leaving = events.join(other);

    events.publish("system_status", Map.of());
    failing.held.get(0).accept(new IllegalStateException("closed"));
    events.leave(leaving);

    assertThat(client.isDropped()).isTrue();
    assertThat(events.clientCount()).isZero();
  }

  @Test
  void malformed_type_is_refused() {
    assertThatThrownBy(() -> events.publish("<script>", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event type");
  }
}
