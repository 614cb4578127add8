// Source: jenkinsci/stapler core/src/main/java/org/kohsuke/stapler/StaplerRequest2.java @
// 2050.v425108fd5089 (type only)
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

public interface StaplerRequest2 extends HttpServletRequest {}
