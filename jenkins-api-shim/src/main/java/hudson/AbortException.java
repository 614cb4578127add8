// Source: jenkinsci/jenkins hudson/AbortException.java @ jenkins-2.541.3
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
  public AbortException() {}

  public AbortException(String message) {
    super(message);
  }

  private static final long serialVersionUID = 1L;
}
