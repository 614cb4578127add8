package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A guard waiting out its backoff survives a controller restart and retries afterwards (real
 * build only; JenkinsSessionExtension usage after EnvStepTest/SleepStepTest, unverified here).
 */
class GuardRestartJenkinsTest {
  @RegisterExtension private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

  @Test
  void backoffSurvivesRestart() throws Throwable {
    sessions.then(
        r -> {
          JenkinsGuardRuntime.get()
              .rules()
              .put(new UserRule("reset", Category.NETWORK, "Connection reset"));
          WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
          p.setDefinition(
              new CpsFlowDefinition("guard(maxAttempts: 2) { error 'Connection reset' }", true));
          WorkflowRun b = p.scheduleBuild2(0).waitForStart();
          r.waitForMessage("pipeline-guard: retrying in", b);
        });
    sessions.then(
        r -> {
          WorkflowJob p = r.jenkins.getItemByFullName("p", WorkflowJob.class);
          WorkflowRun b = p.getBuildByNumber(1);
          r.assertBuildStatus(hudson.model.Result.FAILURE, r.waitForCompletion(b));
          // The second attempt ran after the restart: the re-armed backoff fired.
          r.assertLogContains("pipeline-guard: attempt 2/2 failed: network", b);
        });
  }
}
