package io.pipelineguard.bridge.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Broadcasts live events to the dashboard's WebSocket clients as JSON text frames {@code
 * {"type":..,"data":..}} (docs/api.md, section WebSocket). Thread-safe; {@link #publish} never
 * blocks: each frame is serialized once and queued on every client's connection. A client with more
 * than {@code maxPending} frames not yet written is too slow and is dropped (closed with 1008), so
 * one stuck browser never holds back the others or the caller.
 *
 * <p>Cost: one JSON serialization per publish plus one non-blocking enqueue per connected client.
 */
public final class LiveEvents {
  /** Frames a client may have in flight before it is dropped, unless configured otherwise. */
  public static final int DEFAULT_MAX_PENDING = 64;

  /** Close code sent to a dropped slow client (policy violation). */
  public static final int SLOW_CLIENT_CLOSE_CODE = 1008;

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z_]{0,63}");

  private final ObjectMapper json;
  private final int maxPending;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();

  /**
   * Creates a broadcaster with no clients.
   *
   * @param json serializes the events' data (the same mapper as the REST API, for equal shapes)
   * @param maxPending frames a client may have unwritten before it is dropped, at least 1
   */
  public LiveEvents(ObjectMapper json, int maxPending) {
    this.json = Objects.requireNonNull(json, "json must not be null");
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be at least 1, got " + maxPending);
    }
    this.maxPending = maxPending;
  }

  /** One connected client; returned by {@link #join} and passed back to {@link #leave}. */
  public final class Client {
    private final LiveSink sink;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean dropped = new AtomicBoolean();

    private Client(LiveSink sink) {
      this.sink = sink;
    }

    // Synchronized so that frames from concurrent publishers reach one connection whole and in
    // one order; the send itself only enqueues, so the lock is held briefly.
    private synchronized void offer(String frame) {
      if (dropped.get()) {
        return;
      }
      if (pending.incrementAndGet() > maxPending) {
        drop("too slow: more than " + maxPending + " events not delivered");
        return;
      }
      try {
        sink.send(
            frame,
            error -> {
              pending.decrementAndGet();
              if (error != null) {
                drop("send failed");
              }
            });
      } catch (RuntimeException e) {
        drop("send failed");
      }
    }

    private void drop(String reason) {
      if (dropped.compareAndSet(false, true)) {
        clients.remove(this);
        try {
          sink.close(SLOW_CLIENT_CLOSE_CODE, reason);
        } catch (RuntimeException ignored) {
          // The connection is already gone; nothing else to release.
        }
      }
    }

    /** Returns whether this client was dropped (slow or failed). */
    public boolean isDropped() {
      return dropped.get();
    }
  }

  /** Registers a connected client; it receives every event published from now on. */
  public Client join(LiveSink sink) {
    Client client = new Client(Objects.requireNonNull(sink, "sink must not be null"));
    clients.add(client);
    return client;
  }

  /** Forgets a client (its connection closed); harmless if it already left or was dropped. */
  public void leave(Client client) {
    if (client != null) {
      clients.remove(client);
    }
  }

  /** Returns the number of clients currently connected. */
  public int clientCount() {
    return clients.size();
  }

  /**
   * Sends an event to every connected client, without blocking.
   *
   * @param type event type, e.g. {@code pipeline_update} (lowercase letters and underscores)
   * @param data the event's data, serialized with the JSON mapper
   * @throws IllegalArgumentException when the type is malformed or the data cannot be serialized
   */
  public void publish(String type, Object data) {
    String frame = frame(type, data);
    for (Client client : clients) {
      client.offer(frame);
    }
  }

  /** Sends an event to one client only (e.g. the {@code system_status} greeting on connect). */
  public void sendTo(Client client, String type, Object data) {
    Objects.requireNonNull(client, "client must not be null").offer(frame(type, data));
  }

  private String frame(String type, Object data) {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("event type must be lowercase_words, got: " + type);
    }
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", type);
    frame.put("data", data);
    try {
      return json.writeValueAsString(frame);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize the data of event " + type, e);
    }
  }
}
