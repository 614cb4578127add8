package io.pipelineguard.bridge.store;

import java.util.List;

/**
 * One page of a newest-first listing, and the cursor of the next (older) page, null at the end.
 *
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Long nextCursor) {
  /** Copies the list. */
  public Page {
    items = List.copyOf(items);
  }
}
