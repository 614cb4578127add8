package io.pipelineguard.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApprovalRuleTest {
  private static final RepairAction RETRY = RepairAction.of(RepairStrategy.RETRY_JOB, "retry");
  private static final RepairAction ROLLBACK = RepairAction.of(RepairStrategy.ROLLBACK, "back");
  private static final RepairAction ESCALATE = RepairAction.of(RepairStrategy.ESCALATE, "tell");

  private static RepairContext context(Criticality criticality) {
    return RepairContext.builder().pipeline("shop").job("test").criticality(criticality).build();
  }

  @Test
  void noneHoldsNothingAndAllHoldsEveryAction() {
    RepairContext normal = context(Criticality.NORMAL);
    assertThat(ApprovalRule.NONE.requiresApproval(ROLLBACK, normal)).isFalse();
    assertThat(ApprovalRule.ALL.requiresApproval(RETRY, normal)).isTrue();
    assertThat(ApprovalRule.ALL.requiresApproval(ROLLBACK, normal)).isTrue();
    assertThat(ApprovalRule.ALL.requiresApproval(ESCALATE, normal)).isFalse();
  }

  @Test
  void criticalHoldsRollbacksAndActionsOnCriticalJobs() {
    assertThat(ApprovalRule.CRITICAL.requiresApproval(RETRY, context(Criticality.NORMAL)))
        .isFalse();
    assertThat(ApprovalRule.CRITICAL.requiresApproval(ROLLBACK, context(Criticality.NORMAL)))
        .isTrue();
    assertThat(ApprovalRule.CRITICAL.requiresApproval(RETRY, context(Criticality.CRITICAL)))
        .isTrue();
  }

  @Test
  void policyCarriesTheRuleThroughFromAndParsesWireNames() {
    RepairPolicy policy = RepairPolicy.custom().approval(ApprovalRule.ALL).build();
    assertThat(RepairPolicy.from(policy).build().approval()).isEqualTo(ApprovalRule.ALL);
    assertThat(RepairPolicy.ofDefaults().approval()).isEqualTo(ApprovalRule.NONE);
    assertThat(ApprovalRule.fromWireName(" Critical ")).isEqualTo(ApprovalRule.CRITICAL);
    assertThatThrownBy(() -> ApprovalRule.fromWireName("some"))
        .hasMessageContaining("none, critical or all");
  }
}
