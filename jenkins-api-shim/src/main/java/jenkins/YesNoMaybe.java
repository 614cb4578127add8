// Source: jenkinsci/jenkins core/src/main/java/jenkins/YesNoMaybe.java @ jenkins-2.541.3 (constants
// only)
package jenkins;

public enum YesNoMaybe {
  YES,
  NO,
  MAYBE
}
