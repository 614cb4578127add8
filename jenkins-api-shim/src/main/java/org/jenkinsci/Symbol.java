// Source: jenkinsci/lib-symbol-annotation org/jenkinsci/Symbol.java @ 1.25
// without its @org.jvnet.hudson.annotation_indexer.Indexed meta-annotation, whose processor is not
// on Maven Central
package org.jenkinsci;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(TYPE)
@Documented
public @interface Symbol {
  String[] value();
}
