package io.pipelineguard.bridge.notify;

import java.util.Objects;

/**
 * One plain-text alert e-mail, ready to send.
 *
 * @param recipient the address it goes to (checked by Jakarta Mail when sent)
 * @param subject one line, free of CR, LF and other control characters
 * @param body plain text
 */
public record AlertMail(String recipient, String subject, String body) {
  /** Checks the fields are present and the subject is one line. */
  public AlertMail {
    Objects.requireNonNull(recipient, "recipient must not be null");
    Objects.requireNonNull(subject, "subject must not be null");
    Objects.requireNonNull(body, "body must not be null");
    if (subject.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("subject must not contain control characters");
    }
  }
}
