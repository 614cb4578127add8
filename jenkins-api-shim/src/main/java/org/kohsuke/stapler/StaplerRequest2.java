// Source: jenkinsci/stapler org/kohsuke/stapler/StaplerRequest2.java @ 2050.v425108fd5089
// Subset: type only
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

public interface StaplerRequest2 extends HttpServletRequest {}
