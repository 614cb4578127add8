// Source: jenkinsci/stapler org/kohsuke/stapler/StaplerResponse2.java @ 2050.v425108fd5089
// Subset: type only
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;

public interface StaplerResponse2 extends HttpServletResponse {}
