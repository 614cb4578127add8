// Source: jenkinsci/stapler org/kohsuke/stapler/QueryParameter.java @ 2050.v425108fd5089
// without its @InjectedParameter meta-annotation, which Stapler uses only at run time
package org.kohsuke.stapler;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target(PARAMETER)
@Documented
public @interface QueryParameter {
  String value() default "";

  boolean required() default false;

  boolean fixEmpty() default false;
}
