package io.pipelineguard.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.junit.jupiter.api.Test;

class GuardStepTest {

  @Test
  void optionsBecomeSettings() {
    GuardStep step = new GuardStep();
    step.setMaxAttempts(5);
    step.setPolicy("deploys");
    step.setRollbackJob(" ops/rollback ");
    step.setRollbackParameters(List.of("ENV=prod", "NOTE=a=b"));
    step.setNeverRetry(List.of("test_failure", "DEPLOYMENT"));
    step.setDryRun(true);

    GuardSettings s = step.settings();

    assertThat(s.maxAttempts()).isEqualTo(5);
    assertThat(s.policy()).isEqualTo("deploys");
    assertThat(s.rollbackJob()).contains("ops/rollback");
    assertThat(s.rollbackParameters())
        .containsExactly(java.util.Map.entry("ENV", "prod"), java.util.Map.entry("NOTE", "a=b"));
    assertThat(s.neverRetry())
        .containsExactlyInAnyOrder(Category.TEST_FAILURE, Category.DEPLOYMENT);
    assertThat(s.dryRun()).isTrue();
  }

  @Test
  void invalidOptionsFailWithTheOptionsName() {
    GuardStep step = new GuardStep();
    assertThatThrownBy(() -> step.setMaxAttempts(0))
        .hasMessageStartingWith("maxAttempts must be between 1 and 10");
    assertThatThrownBy(() -> step.setMaxAttempts(11)).hasMessageContaining("was 11");
    assertThatThrownBy(() -> step.setNeverRetry(List.of("flakey")))
        .hasMessageStartingWith("neverRetry: unknown category 'flakey'");
    assertThatThrownBy(() -> step.setRollbackParameters(List.of("novalue")))
        .hasMessageContaining("NAME=value");
    assertThatThrownBy(() -> step.setPolicy("a b")).hasMessageStartingWith("policy must be");
    step.setRollbackParameters(List.of("A=1"));
    assertThatThrownBy(step::settings)
        .hasMessage("rollbackParameters are given but no rollbackJob");
  }

  @Test
  void descriptorRegistersABlockStepNamedGuard() {
    GuardStep.DescriptorImpl d = new GuardStep.DescriptorImpl();
    assertThat(d.getFunctionName()).isEqualTo("guard");
    assertThat(d.takesImplicitBlockArgument()).isTrue();
    assertThat(new java.util.HashSet<Class<?>>(d.getRequiredContext()))
        .isEqualTo(java.util.Set.of(Run.class, TaskListener.class));
    assertThat(d.clazz).isEqualTo(GuardStep.class);
  }

  @Test
  void transientConditionFollowsTheDiagnosisAndNeverAnAbort() {
    GuardEngine transientEngine = engine(true);
    assertThat(
            GuardTransientCondition.judge(
                new AbortException("reset"), List.of("x"), transientEngine))
        .isTrue();
    assertThat(
            GuardTransientCondition.judge(
                new AbortException("assert"), List.of("x"), engine(false)))
        .isFalse();
    assertThat(
            GuardTransientCondition.judge(
                new FlowInterruptedException(Result.ABORTED, true), List.of(), transientEngine))
        .isFalse();
  }

  private static GuardEngine engine(boolean transientFailure) {
    return new GuardEngine() {
      @Override
      public Diagnosis diagnose(List<String> lines) {
        assertThat(lines).last().asString().startsWith("ERROR: ");
        return new Diagnosis(Category.NETWORK, transientFailure, 0.5, List.of(), "s", false, "e");
      }

      @Override
      public GuardDecision decide(Diagnosis diagnosis, GuardSituation situation) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void recordOutcome(RepairOutcome outcome) {}

      @Override
      public void recordBuild(FinishedBuild build) {}
    };
  }
}
