// Source: jenkinsci/jenkins jenkins/YesNoMaybe.java @ jenkins-2.541.3
// Subset: constants only
package jenkins;

public enum YesNoMaybe {
  YES,
  NO,
  MAYBE
}
