package io.pipelineguard.hdc.io;

import java.io.IOException;

/**
 * Thrown when bytes claimed to be a persisted hypervector or associative memory are not a valid,
 * complete, uncorrupted file of a supported version: wrong magic, unknown version or kind, bad
 * dimension, sizes over the limits, truncation, checksum mismatch or inconsistent payload.
 *
 * <p>Checked, and a subclass of {@link IOException}, because it is an input problem that callers
 * reading files must handle anyway; they can catch it separately to report "corrupt model" rather
 * than "disk error". When it is thrown no partially loaded object escapes.
 */
public class InvalidHypervectorFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying what is wrong. */
  public InvalidHypervectorFormatException(String message) {
    super(message);
  }

  /** Creates the exception with a message and the underlying cause. */
  public InvalidHypervectorFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
