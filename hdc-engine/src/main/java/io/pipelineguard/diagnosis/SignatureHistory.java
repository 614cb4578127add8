package io.pipelineguard.diagnosis;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers when each failure signature was last seen, to tell whether a failure is new. A door
 * backs it with its store; {@link InMemorySignatureHistory} serves tests and the command line.
 */
public interface SignatureHistory {
  /** Returns when {@code signature} was last seen, if ever. */
  Optional<Instant> lastSeen(String signature);

  /** Records that {@code signature} was seen at {@code when}. */
  void record(String signature, Instant when);
}
