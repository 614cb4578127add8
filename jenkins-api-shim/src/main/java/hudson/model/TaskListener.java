// Source: jenkinsci/jenkins hudson/model/TaskListener.java @ jenkins-2.541.3
// Subset: used members; the real interface extends
// org.jenkinsci.remoting.SerializableOnlyOverRemoting, itself Serializable
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

public interface TaskListener extends Serializable {
  @NonNull
  PrintStream getLogger();

  @NonNull
  default PrintWriter error(String msg) {
    PrintStream out = getLogger();
    out.print("ERROR: ");
    out.println(msg);
    return new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
  }
}
