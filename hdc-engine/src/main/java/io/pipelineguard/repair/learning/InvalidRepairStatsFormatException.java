package io.pipelineguard.repair.learning;

/** Thrown when persisted repair statistics are corrupt, truncated or of an unknown version. */
public final class InvalidRepairStatsFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying what is wrong and where. */
  public InvalidRepairStatsFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public InvalidRepairStatsFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
