// Source: jenkinsci/jenkins hudson/model/Describable.java @ jenkins-2.541.3
package hudson.model;

public interface Describable<T extends Describable<T>> {
  Descriptor<T> getDescriptor();
}
