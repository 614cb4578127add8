package io.pipelineguard.bridge.live;

import java.util.function.Consumer;

/**
 * Where {@link LiveEvents} writes one client's frames: a WebSocket session in the server, a list in
 * tests. Implementations must not block: {@link #send} queues the frame and reports later.
 */
public interface LiveSink {
  /**
   * Queues one text frame without blocking.
   *
   * @param text the frame
   * @param done called once when the frame is written (with null) or failed (with the cause)
   */
  void send(String text, Consumer<Throwable> done);

  /** Closes the connection with a WebSocket close code and a short reason; never blocks. */
  void close(int code, String reason);
}
