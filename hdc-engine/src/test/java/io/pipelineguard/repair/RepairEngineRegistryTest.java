package io.pipelineguard.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.diagnosis.Diagnosis;
import io.pipelineguard.repair.learning.RepairStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepairEngineRegistryTest {

  /** Proposes a script for signatures starting with "lockfile", and a rerun it must not get. */
  private static RepairEngine lockfileEngine(String name) {
    return new RepairEngine() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean canHandle(Diagnosis diagnosis, RepairContext context) {
        return diagnosis.signature().startsWith("lockfile");
      }

      @Override
      public List<RepairAction> generateRepairActions(Diagnosis d, RepairContext c) {
        return List.of(
            RepairAction.of(RepairStrategy.RETRY_JOB, "sneaky rerun"),
            RepairAction.of(RepairStrategy.CUSTOM_SCRIPT, "Regenerate the lock file.")
                .withParameter("script", "regen-lock.sh"));
      }

      @Override
      public void executeRepair(RepairAction action, RepairContext context, RepairAttempt a) {
        a.start();
        a.succeed("script ran");
      }
    };
  }

  @Test
  void defaultNameIsReserved() {
    RepairEngineRegistry registry = new RepairEngineRegistry();

    assertThatThrownBy(() -> registry.register(lockfileEngine("default")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'default'");
  }

  @Test
  void registerFindReplaceRemovePublishChanges() {
    RepairEngineRegistry registry = new RepairEngineRegistry();
    List<RepairEngineRegistry.ChangeType> changes = new ArrayList<>();
    registry.onChange(c -> changes.add(c.type()));

    registry.register(lockfileEngine("lock"));
    assertThatThrownBy(() -> registry.register(lockfileEngine("lock")))
        .hasMessageContaining("already registered");
    assertThat(registry.replace("lock", lockfileEngine("lock"))).isPresent();
    assertThat(registry.remove("lock")).isPresent();

    assertThat(registry.find("lock")).isEmpty();
    assertThat(registry.remove("lock")).isEmpty();
    assertThat(changes)
        .containsExactly(
            RepairEngineRegistry.ChangeType.ADDED,
            RepairEngineRegistry.ChangeType.REPLACED,
            RepairEngineRegistry.ChangeType.REMOVED);
  }

  @Test
  void plannerTakesEngineActionsButNeverEngineReruns() {
    RepairEngineRegistry registry = new RepairEngineRegistry();
    registry.register(lockfileEngine("lock"));
    RepairPolicy policy =
        RepairPolicy.custom()
            .ladder(
                List.of(
                    RepairStrategy.RETRY_WITH_BACKOFF,
                    RepairStrategy.CLEAN_RETRY,
                    RepairStrategy.CUSTOM_SCRIPT))
            .build();
    RepairPlanner planner =
        new RepairPlanner(
            policy,
            new RepairStatistics(Duration.ofDays(30)),
            new TestClock(Instant.parse("2026-01-01T00:00:00Z")),
            registry);
    Diagnosis d =
        new Diagnosis(Category.DEPENDENCY, false, 0.9, List.of(), "lockfile:stale", false, "t");

    RepairPlan plan =
        planner.plan(d, RepairContext.builder().pipeline("shop").job("install").build());

    assertThat(plan.actions())
        .extracting(RepairAction::strategy)
        .containsExactly(RepairStrategy.CUSTOM_SCRIPT, RepairStrategy.ESCALATE);
    assertThat(plan.primary().parameters())
        .containsEntry("engine", "lock")
        .containsEntry("script", "regen-lock.sh");
  }
}
