package io.pipelineguard.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.repair.event.AttemptState;
import io.pipelineguard.repair.event.RepairEvent;
import io.pipelineguard.repair.event.RepairEventPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepairAttemptTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final RepairAction action = RepairAction.of(RepairStrategy.RETRY_JOB, "network blip");

  @Test
  void plannedRunningSucceededPublishesTypedEvents() {
    RepairEventPublisher events = new RepairEventPublisher();
    List<RepairEvent> seen = new ArrayList<>();
    events.onEvent(seen::add);
    RepairAttempt attempt = new RepairAttempt("a1", action, clock, events);

    attempt.start();
    attempt.succeed("job passed");

    assertThat(attempt.state()).isEqualTo(AttemptState.SUCCEEDED);
    assertThat(seen)
        .extracting(RepairEvent::type)
        .containsExactly(RepairEvent.Type.STARTED, RepairEvent.Type.SUCCEEDED);
    assertThat(seen.get(1).from()).isEqualTo(AttemptState.RUNNING);
    assertThat(seen.get(1).at()).isEqualTo(clock.instant());
  }

  @Test
  void terminalStatesRefuseEveryMove() {
    RepairAttempt attempt = new RepairAttempt("a2", action, clock, new RepairEventPublisher());
    attempt.start();
    attempt.fail("still broken");

    assertThatThrownBy(() -> attempt.succeed("late"))
        .isInstanceOf(IllegalRepairTransitionException.class)
        .hasMessage("repair attempt a2 cannot move from FAILED to SUCCEEDED");
    assertThatThrownBy(attempt::start).isInstanceOf(IllegalRepairTransitionException.class);
  }

  @Test
  void plannedCannotSucceedWithoutRunningButCanBeAborted() {
    RepairAttempt attempt = new RepairAttempt("a3", action, clock, new RepairEventPublisher());

    assertThatThrownBy(() -> attempt.timeOut("x"))
        .isInstanceOf(IllegalRepairTransitionException.class);
    attempt.abort("newer commit pushed");
    assertThat(attempt.state()).isEqualTo(AttemptState.ABORTED);
  }

  @Test
  void eventsAreNotBuiltWithoutConsumers() {
    RepairEventPublisher events = new RepairEventPublisher();
    boolean[] built = {false};

    events.publish(
        () -> {
          built[0] = true;
          throw new AssertionError("must not be built");
        });

    assertThat(built[0]).isFalse();
    assertThat(events.hasConsumers()).isFalse();
  }

  @Test
  void typedSubscriptionSeesOnlyItsType() {
    RepairEventPublisher events = new RepairEventPublisher();
    List<RepairEvent> failed = new ArrayList<>();
    events.onFailed(failed::add);
    RepairAttempt attempt = new RepairAttempt("a4", action, clock, events);

    attempt.start();
    attempt.timeOut("no result in 1 h");

    assertThat(failed).isEmpty();
  }
}
