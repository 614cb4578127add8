package io.pipelineguard.bridge.intake;

/** A webhook body that is valid JSON but lacks what its event type requires. Answered with 400. */
public final class PayloadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message is returned to the sender as is (no secrets in it). */
  public PayloadException(String message) {
    super(message);
  }
}
