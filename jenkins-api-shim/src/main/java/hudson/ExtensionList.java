// Source: jenkinsci/jenkins hudson/ExtensionList.java @ jenkins-2.541.3
// Subset: lookupSingleton only
package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;

public class ExtensionList<T> extends AbstractList<T> {
  private ExtensionList() {}

  public static @NonNull <U> U lookupSingleton(Class<U> type) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  @Override
  public T get(int index) {
    throw new UnsupportedOperationException("compile-only shim");
  }

  @Override
  public int size() {
    throw new UnsupportedOperationException("compile-only shim");
  }
}
