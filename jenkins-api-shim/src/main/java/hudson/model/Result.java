// Source: jenkinsci/jenkins hudson/model/Result.java @ jenkins-2.541.3
// Subset: used members
package hudson.model;

import java.io.Serializable;

public final class Result implements Serializable {
  public static final Result SUCCESS = new Result("SUCCESS", 0, true);
  public static final Result UNSTABLE = new Result("UNSTABLE", 1, true);
  public static final Result FAILURE = new Result("FAILURE", 2, true);
  public static final Result NOT_BUILT = new Result("NOT_BUILT", 3, false);
  public static final Result ABORTED = new Result("ABORTED", 4, false);

  private final String name;
  public final int ordinal;
  public final boolean completeBuild;

  private Result(String name, int ordinal, boolean complete) {
    this.name = name;
    this.ordinal = ordinal;
    this.completeBuild = complete;
  }

  public boolean isWorseThan(Result that) {
    return this.ordinal > that.ordinal;
  }

  public boolean isBetterOrEqualTo(Result that) {
    return this.ordinal <= that.ordinal;
  }

  @Override
  public String toString() {
    return name;
  }

  private Object readResolve() {
    for (Result r : new Result[] {SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED}) {
      if (r.ordinal == ordinal) {
        return r;
      }
    }
    return FAILURE;
  }

  private static final long serialVersionUID = 1L;
}
