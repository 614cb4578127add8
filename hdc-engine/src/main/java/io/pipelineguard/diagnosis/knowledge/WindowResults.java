package io.pipelineguard.diagnosis.knowledge;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers whether a rule's regex matched a given window of text, so that a line a log repeats (a
 * test runner's "0 errors", a build tool's status lines) runs each regex once: RE2/J costs
 * microseconds per call, a lookup a hash of the window.
 *
 * <p>Bounded: at most {@value #MAX_ENTRIES} answers, forgotten all at once when full; a window is
 * at most {@code KnowledgeBase.WINDOW_BEFORE + WINDOW_AFTER} (512) characters, so the memory stays
 * under about 2.5 MB. Not thread-safe (one per {@link KnowledgeBase.LineMatcher}).
 */
final class WindowResults {
  /** Answers kept at most. */
  static final int MAX_ENTRIES = 2048;

  private final Map<Key, Boolean> answers = new HashMap<>();

  /** Returns the remembered answer for {@code key}, or null. */
  Boolean get(Key key) {
    return answers.get(key);
  }

  /** Remembers an answer, forgetting all others first when the table is full. */
  void put(Key key, boolean found) {
    if (answers.size() >= MAX_ENTRIES) {
      answers.clear();
    }
    answers.put(key, found);
  }

  /** Number of answers held. */
  int size() {
    return answers.size();
  }

  /**
   * A rule (its index among the line indications) and the exact window its regex saw.
   *
   * @param rule line indication index
   * @param window the window's characters
   */
  record Key(int rule, String window) {}
}
