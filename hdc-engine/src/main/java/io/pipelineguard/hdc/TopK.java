package io.pipelineguard.hdc;

/**
 * The {@code k} smallest distances seen so far, ordered by distance then by index (candidates must
 * be offered in ascending index order, so an earlier index wins a tie). Insertion into a sorted
 * array: O(k) per accepted candidate, O(1) per rejected one, which is ideal for the small k of
 * nearest-prototype queries. Not thread-safe; allocates only at construction.
 */
final class TopK {
  private final int[] distances;
  private final int[] indices;
  private int size;

  TopK(int k) {
    distances = new int[k];
    indices = new int[k];
  }

  static void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, was " + k);
    }
  }

  /** Returns the current acceptance threshold: a candidate must have a smaller distance. */
  int worst() {
    return size < distances.length ? Integer.MAX_VALUE : distances[size - 1];
  }

  void offer(int distance, int index) {
    int k = distances.length;
    if (size == k && distance >= distances[k - 1]) {
      return;
    }
    int pos = size < k ? size : k - 1;
    while (pos > 0 && distances[pos - 1] > distance) {
      distances[pos] = distances[pos - 1];
      indices[pos] = indices[pos - 1];
      pos--;
    }
    distances[pos] = distance;
    indices[pos] = index;
    if (size < k) {
      size++;
    }
  }

  int size() {
    return size;
  }

  int distance(int rank) {
    return distances[rank];
  }

  int index(int rank) {
    return indices[rank];
  }
}
