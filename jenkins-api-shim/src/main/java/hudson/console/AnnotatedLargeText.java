// Source: jenkinsci/jenkins hudson/console/AnnotatedLargeText.java @ jenkins-2.541.3
// Subset: used members
package hudson.console;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import org.kohsuke.stapler.framework.io.LargeText;

public class AnnotatedLargeText<T> extends LargeText {
  public AnnotatedLargeText(File file, Charset charset, boolean completed, T context) {
    super(file, completed);
  }

  public long writeLogTo(long start, OutputStream out) throws IOException {
    throw new UnsupportedOperationException("compile-only shim");
  }
}
