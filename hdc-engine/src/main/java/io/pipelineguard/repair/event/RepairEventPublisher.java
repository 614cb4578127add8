package io.pipelineguard.repair.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Delivers {@link RepairEvent}s to registered consumers, building each event only when someone
 * listens. Thread-safe: consumers are kept in a copy-on-write list, so registering is O(n) and
 * publishing is lock-free. A consumer that throws does not stop the others; its exception is
 * dropped, because observability must never break a repair.
 */
public final class RepairEventPublisher {
  private final List<Consumer<? super RepairEvent>> consumers = new CopyOnWriteArrayList<>();

  /** Registers a consumer of every event. */
  public RepairEventPublisher onEvent(Consumer<? super RepairEvent> consumer) {
    consumers.add(Objects.requireNonNull(consumer, "consumer must not be null"));
    return this;
  }

  /** Registers a consumer of events of one type. */
  public RepairEventPublisher on(RepairEvent.Type type, Consumer<? super RepairEvent> consumer) {
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(consumer, "consumer must not be null");
    consumers.add(
        event -> {
          if (event.type() == type) {
            consumer.accept(event);
          }
        });
    return this;
  }

  /** Registers a consumer of {@link RepairEvent.Type#SUCCEEDED} events. */
  public RepairEventPublisher onSucceeded(Consumer<? super RepairEvent> consumer) {
    return on(RepairEvent.Type.SUCCEEDED, consumer);
  }

  /** Registers a consumer of {@link RepairEvent.Type#FAILED} events. */
  public RepairEventPublisher onFailed(Consumer<? super RepairEvent> consumer) {
    return on(RepairEvent.Type.FAILED, consumer);
  }

  /** Returns whether any consumer is registered. */
  public boolean hasConsumers() {
    return !consumers.isEmpty();
  }

  /** Builds and delivers an event, only if a consumer is registered. */
  public void publish(Supplier<RepairEvent> event) {
    if (consumers.isEmpty()) {
      return;
    }
    RepairEvent built = event.get();
    for (Consumer<? super RepairEvent> consumer : consumers) {
      try {
        consumer.accept(built);
      } catch (RuntimeException ignored) {
        // A broken listener must not break the repair or the other listeners.
      }
    }
  }
}
