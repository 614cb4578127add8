package io.pipelineguard.diagnosis;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded in-memory {@link SignatureHistory}: keeps the {@code capacity} most recently seen
 * signatures (least recently seen evicted first). Thread-safe.
 */
public final class InMemorySignatureHistory implements SignatureHistory {
  private final Map<String, Instant> seen;

  /** Creates a history holding at most {@code capacity} signatures. */
  public InMemorySignatureHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + capacity);
    }
    this.seen =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  public synchronized Optional<Instant> lastSeen(String signature) {
    return Optional.ofNullable(seen.get(signature));
  }

  @Override
  public synchronized void record(String signature, Instant when) {
    Objects.requireNonNull(when, "when");
    seen.put(Objects.requireNonNull(signature, "signature"), when);
  }

  /**
   * Returns a copy of the remembered signatures with when each was last seen, least recently seen
   * first (the order {@link #record} rebuilds it in). Linear in the capacity.
   */
  public synchronized Map<String, Instant> snapshot() {
    return new LinkedHashMap<>(seen);
  }
}
