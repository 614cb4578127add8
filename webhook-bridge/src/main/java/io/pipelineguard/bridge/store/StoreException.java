package io.pipelineguard.bridge.store;

/** The store failed: unreachable, migration refused, or a statement failed. Unchecked. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with an operator-facing message and its cause. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
