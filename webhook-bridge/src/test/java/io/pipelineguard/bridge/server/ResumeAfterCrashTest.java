package io.pipelineguard.bridge.server;

import static io.pipelineguard.bridge.server.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.store.Database;
import io.pipelineguard.bridge.store.DeliveryStatus;
import io.pipelineguard.bridge.store.DeliveryStore;
import io.pipelineguard.bridge.store.FailedJob;
import io.pipelineguard.bridge.store.NewDelivery;
import io.pipelineguard.bridge.store.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state a crash leaves behind (deliveries committed and acknowledged, some never claimed, one
 * claimed mid-processing) is processed exactly once by the next start.
 */
class ResumeAfterCrashTest {
  @TempDir Path dataDir;

  @Test
  void stored_but_unprocessed_deliveries_are_processed_once_after_restart() throws Exception {
    try (Database database = Database.open(Database.embedded(dataDir), 2)) {
      DeliveryStore store = new DeliveryStore(database);
      List<Long> ids =
          store
              .insertAll(
                  List.of(
                      pending("crash-1", "workflow_job", "github-workflow_job-failure.json"),
                      pending("crash-2", "workflow_run", "github-workflow_run-completed.json"),
                      new NewDelivery(
                          Platform.JENKINS,
                          "job/payments-api/#42#COMPLETED",
                          "build.completed",
                          Instant.now(),
                          fixture("jenkins-failure.json"))))
              .stream()
              .map(r -> r.id())
              .toList();
      assertThat(store.claim(ids.get(2))).isTrue(); // killed while processing this one
    }
    List<FailedJob> processed = new CopyOnWriteArrayList<>();

    try (BridgeServer restarted =
        new BridgeServer(
                WebhookClient.config(dataDir).build(), Clock.systemUTC(), runs -> processed::add)
            .start()) {
      WebhookClient.await(
          "resumed deliveries processed",
          () -> restarted.deliveryStore().countByStatus().get(DeliveryStatus.PROCESSED) == 3);
    }
    try (BridgeServer again =
        new BridgeServer(
                WebhookClient.config(dataDir).build(), Clock.systemUTC(), runs -> processed::add)
            .start()) {
      assertThat(again.deliveryStore().pendingIds(10)).isEmpty();
    }

    assertThat(processed)
        .extracting(FailedJob::jobName)
        .containsExactlyInAnyOrder("linters", "payments-api");
  }

  private static NewDelivery pending(String key, String event, String fixture) {
    return new NewDelivery(Platform.GITHUB, key, event, Instant.now(), fixture(fixture));
  }
}
