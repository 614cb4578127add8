package io.pipelineguard.jenkins;

import hudson.AbortException;

/**
 * How a guard fails its step: an {@link AbortException}, so Pipeline prints the one-line diagnosis
 * without a stack trace; the body's own failure is the cause. A failure after a rollback has a
 * message starting with {@value #ROLLBACK_PREFIX}, which a Jenkinsfile may test in a {@code catch}.
 */
public final class GuardFailure extends AbortException {
  private static final long serialVersionUID = 1L;

  /** Start of the message of a failure after which a rollback was started. */
  public static final String ROLLBACK_PREFIX = "pipeline-guard: rollback: ";

  /** Start of every other guard failure's message. */
  public static final String PREFIX = "pipeline-guard: ";

  GuardFailure(String message, Throwable cause) {
    super(message);
    initCause(cause);
  }
}
