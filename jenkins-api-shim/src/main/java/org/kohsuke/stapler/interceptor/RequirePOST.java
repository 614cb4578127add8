// Source: jenkinsci/stapler org/kohsuke/stapler/interceptor/RequirePOST.java @ 2050.v425108fd5089
// Subset: the real annotation is also meta-annotated
// @InterceptorAnnotation(RequirePOST.Processor.class), used at run time
package org.kohsuke.stapler.interceptor;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

@Retention(RUNTIME)
@Target({METHOD, FIELD})
public @interface RequirePOST {}
