package io.pipelineguard.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.pipelineguard.diagnosis.Category;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.BuildWatcherExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The guard step in real pipelines (real build only: {@code mvn -f jenkins-plugin/pom-jenkins.xml
 * verify}). Failures are diagnosed by the shared engine; administrator rules (which outweigh the
 * built-in knowledge) pin the categories, so these tests do not depend on the built-in patterns.
 */
@WithJenkins
class GuardStepJenkinsTest {
  @RegisterExtension static BuildWatcherExtension buildWatcher = new BuildWatcherExtension();

  private JenkinsRule r;

  @BeforeEach
  void setUp(JenkinsRule rule) {
    r = rule;
    UserRules rules = JenkinsGuardRuntime.get().rules();
    rules.put(new UserRule("reset", Category.NETWORK, "Connection reset"));
    rules.put(new UserRule("assert", Category.TEST_FAILURE, "AssertionError"));
    rules.put(new UserRule("helm", Category.DEPLOYMENT, "helm upgrade failed"));
  }

  private WorkflowJob job(String name, String script) throws Exception {
    WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, name);
    p.setDefinition(new CpsFlowDefinition(script, true));
    return p;
  }

  @Test
  void smokes() throws Exception {
    WorkflowRun b = r.buildAndAssertSuccess(job("p", "guard { echo 'hello' }"));
    r.assertLogContains("hello", b);
    r.assertLogNotContains("pipeline-guard:", b);
  }

  @Test
  void transientFailureIsRetried() throws Exception {
    WorkflowJob p =
        job(
            "p",
            """
            int n = 0
            guard(maxAttempts: 3) {
              n++
              if (n < 2) { error 'Connection reset by peer' }
              echo "passed on attempt ${n}"
            }
            """);
    // The shared planner's default policy waits 30 s before the first retry.
    WorkflowRun b = r.buildAndAssertSuccess(p);
    r.assertLogContains("pipeline-guard: attempt 1/3 failed: network (transient", b);
    r.assertLogContains("passed on attempt 2", b);
    assertThat(b.getAction(GuardBuildAction.class).getRecords())
        .extracting(GuardRecord::getOutcome)
        .containsExactly(GuardRecord.Outcome.RETRIED, GuardRecord.Outcome.SUCCEEDED);
  }

  @Test
  void deterministicFailureFailsWithTheDiagnosis() throws Exception {
    WorkflowJob p = job("p", "guard { echo 'java.lang.AssertionError: expected 1'; error 'tests failed' }");
    WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
    r.assertLogContains("ERROR: pipeline-guard: test_failure (not transient", b);
    r.assertLogContains("| line 1: java.lang.AssertionError: expected 1", b);
    r.assertLogNotContains("\tat ", b);
  }

  @Test
  void rollbackJobStartsOnce() throws Exception {
    WorkflowJob rollback = job("rollback", "echo 'rolling back'");
    WorkflowJob p =
        job(
            "p",
            """
            try {
              guard(rollbackJob: 'rollback', neverRetry: ['deployment']) {
                echo 'helm upgrade failed'; error 'deploy'
              }
            } catch (e) {
              echo "caught: ${e.message}"
              throw e
            }
            """);
    WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
    r.assertLogContains("caught: pipeline-guard: rollback: deployment", b);
    r.waitUntilNoActivity();
    assertThat(rollback.getBuilds()).hasSize(1);
  }

  @Test
  void abortShouldNotRetry() throws Exception {
    WorkflowJob p = job("p", "guard { semaphore 'wait' }");
    WorkflowRun b = p.scheduleBuild2(0).waitForStart();
    SemaphoreStep.waitForStart("wait/1", b);
    b.getExecutor().doStop();
    r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
    r.assertLogContains("pipeline-guard: attempt 1 was aborted; not retried", b);
    r.assertLogNotContains("retrying", b);
  }
}
