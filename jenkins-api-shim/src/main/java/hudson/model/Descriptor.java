// Source: jenkinsci/jenkins hudson/model/Descriptor.java @ jenkins-2.541.3
// Subset: used members
package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Descriptor<T extends Describable<T>> {
  public final transient Class<? extends T> clazz;

  protected Descriptor(Class<? extends T> clazz) {
    this.clazz = clazz;
  }

  /** Infers {@code clazz} from the enclosing class, as the real constructor does. */
  @SuppressWarnings("unchecked")
  protected Descriptor() {
    this.clazz = (Class<? extends T>) getClass().getEnclosingClass();
  }

  public @NonNull String getDisplayName() {
    return clazz.getSimpleName();
  }

  public String getId() {
    return clazz.getName();
  }

  public synchronized void save() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  public synchronized void load() {
    throw new UnsupportedOperationException("compile-only shim");
  }

  @SuppressWarnings("rawtypes")
  protected static Class self() {
    throw new UnsupportedOperationException("compile-only shim");
  }
}
