// Source: workflow-api-plugin ErrorConditionDescriptor.java @ 1398.v67030756d3fb_
// Subset: not listed in JENKINS-API.md: the real build's compile checks it
package org.jenkinsci.plugins.workflow.flow;

import hudson.model.Descriptor;

public abstract class ErrorConditionDescriptor extends Descriptor<ErrorCondition> {}
