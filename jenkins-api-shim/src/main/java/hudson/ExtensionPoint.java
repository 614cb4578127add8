// Source: jenkinsci/jenkins hudson/ExtensionPoint.java @ jenkins-2.541.3
package hudson;

public interface ExtensionPoint {}
