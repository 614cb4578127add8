// Source: jenkinsci/lib-symbol-annotation src/main/java/org/jenkinsci/Symbol.java @ 1.25
package org.jenkinsci;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.jvnet.hudson.annotation_indexer.Indexed;

@Indexed
@Retention(RUNTIME)
@Target(TYPE)
@Documented
public @interface Symbol {
  String[] value();
}
