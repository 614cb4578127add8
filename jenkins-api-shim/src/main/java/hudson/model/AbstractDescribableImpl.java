// Source: jenkinsci/jenkins hudson/model/AbstractDescribableImpl.java @ jenkins-2.541.3
package hudson.model;

public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>>
    implements Describable<T> {
  @Override
  public Descriptor<T> getDescriptor() {
    throw new UnsupportedOperationException("compile-only shim");
  }
}
