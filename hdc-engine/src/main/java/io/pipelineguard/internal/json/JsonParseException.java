package io.pipelineguard.internal.json;

/** Thrown when text is not strict JSON or breaks one of the reader's size limits. */
public final class JsonParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, in words
   * @param offset the character offset in the input where the problem was found
   */
  public JsonParseException(String message, int offset) {
    super(message + " (at character " + offset + ")");
    this.offset = offset;
  }

  /** Returns the character offset in the input where the problem was found. */
  public int offset() {
    return offset;
  }
}
