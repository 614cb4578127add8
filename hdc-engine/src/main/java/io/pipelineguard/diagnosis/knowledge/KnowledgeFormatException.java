package io.pipelineguard.diagnosis.knowledge;

/** A knowledge file (built-in patterns or user rules) is malformed; the message says where. */
public final class KnowledgeFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message naming the file and line. */
  public KnowledgeFormatException(String message) {
    super(message);
  }
}
