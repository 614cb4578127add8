package io.pipelineguard.repair;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the guard has done lately, so that the rails hold across failures: reruns per failure chain
 * (a job's consecutive failed runs on one commit), cooldowns, rollbacks per window and repair
 * starts per signature (the flood limit). Every map is bounded (least recently used entries are
 * dropped) and every method is {@code synchronized} and O(1) apart from the flood queue, which
 * holds at most {@code floodLimit + 1} instants.
 */
final class RepairLedger {
  static final int MAX_ENTRIES = 50_000;

  /** One job's consecutive failed runs on one commit, and the guard's reruns in it. */
  static final class Chain {
    final List<RepairStrategy> reruns = new ArrayList<>();
  }

  /** Failures already planned, by job, commit and attempt; outlives chains on purpose. */
  private final Map<String, Boolean> planned = lru();

  private final Map<String, Chain> chains = lru();
  private final Map<String, Instant> cooldownUntil = lru();
  private final Map<String, Instant> lastRollback = lru();
  private final Map<String, Deque<Instant>> chainStarts = lru();
  private final Map<String, Instant> floodEscalatedUntil = lru();

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > MAX_ENTRIES;
      }
    };
  }

  synchronized Chain chain(String jobCommitKey) {
    return chains.computeIfAbsent(jobCommitKey, k -> new Chain());
  }

  /**
   * Marks {@code attempt} of the job on the commit planned; returns false if it already was (a
   * redelivered or duplicated failure), even after its chain ended.
   */
  synchronized boolean markPlanned(String jobCommitKey, int attempt) {
    return planned.putIfAbsent(jobCommitKey + " #" + attempt, Boolean.TRUE) == null;
  }

  synchronized void recordRerun(String jobCommitKey, RepairStrategy strategy) {
    chain(jobCommitKey).reruns.add(strategy);
  }

  synchronized void chainSucceeded(String jobCommitKey) {
    chains.remove(jobCommitKey);
  }

  synchronized Instant cooldownUntil(String jobKey) {
    return cooldownUntil.get(jobKey);
  }

  synchronized void startCooldown(String jobKey, Instant until) {
    cooldownUntil.put(jobKey, until);
  }

  synchronized Instant lastRollback(String pipeline) {
    return lastRollback.get(pipeline);
  }

  synchronized void recordRollback(String pipeline, Instant at) {
    lastRollback.put(pipeline, at);
  }

  /** Returns how many chains of {@code floodKey} started within {@code window} before now. */
  synchronized int recentChainStarts(String floodKey, Instant now, Duration window) {
    Deque<Instant> starts = chainStarts.get(floodKey);
    if (starts == null) {
      return 0;
    }
    Instant from = now.minus(window);
    while (!starts.isEmpty() && starts.peekFirst().isBefore(from)) {
      starts.pollFirst();
    }
    return starts.size();
  }

  synchronized void recordChainStart(String floodKey, Instant at, int keep) {
    Deque<Instant> starts = chainStarts.computeIfAbsent(floodKey, k -> new ArrayDeque<>());
    starts.addLast(at);
    while (starts.size() > keep) {
      starts.pollFirst();
    }
  }

  synchronized Instant floodEscalatedUntil(String floodKey) {
    return floodEscalatedUntil.get(floodKey);
  }

  synchronized void recordFloodEscalation(String floodKey, Instant until) {
    floodEscalatedUntil.put(floodKey, until);
  }
}
