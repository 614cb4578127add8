package io.pipelineguard.bridge.repair;

import io.pipelineguard.bridge.config.BridgeConfig;
import io.pipelineguard.bridge.config.PlatformApi;
import io.pipelineguard.bridge.learning.LearningDiagnoser;
import io.pipelineguard.bridge.platform.AzureDevOpsPlatformClient;
import io.pipelineguard.bridge.platform.GitHubPlatformClient;
import io.pipelineguard.bridge.platform.GitLabPlatformClient;
import io.pipelineguard.bridge.platform.JenkinsPlatformClient;
import io.pipelineguard.bridge.platform.PlatformClient;
import io.pipelineguard.bridge.security.AuditLog;
import io.pipelineguard.bridge.store.AuditStore;
import io.pipelineguard.bridge.store.Platform;
import io.pipelineguard.bridge.store.RunStore;
import io.pipelineguard.bridge.store.SqlRepairStatsStore;
import io.pipelineguard.repair.RepairPlanner;
import io.pipelineguard.repair.RepairPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Builds the repair loop from the configuration, when at least one platform API is configured. */
public final class RepairLoopFactory {
  private RepairLoopFactory() {}

  /** Returns the clients of every platform whose URL and token are configured. */
  public static List<PlatformClient> clients(BridgeConfig config) {
    List<PlatformClient> clients = new ArrayList<>();
    try {
      for (Platform platform : Platform.values()) {
        PlatformApi api = config.platformApi(platform);
        if (!api.isConfigured()) {
          continue;
        }
        clients.add(
            switch (platform) {
              case GITHUB -> new GitHubPlatformClient(api);
              case GITLAB -> new GitLabPlatformClient(api);
              case AZURE_DEVOPS -> new AzureDevOpsPlatformClient(api);
              case JENKINS -> new JenkinsPlatformClient(api);
            });
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a platform client", e);
    }
    return clients;
  }

  /**
   * Returns the repair loop over the store, with {@code diagnoser} (built-in knowledge plus what
   * feedback taught), the default policy with the configured approval rule, and statistics loaded
   * from {@code model_state}; empty when no platform API is configured.
   */
  public static Optional<RepairingFailureProcessor> create(
      BridgeConfig config,
      DataSource dataSource,
      RunStore runs,
      Clock clock,
      LearningDiagnoser diagnoser) {
    List<PlatformClient> clients = clients(config);
    if (clients.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new RepairingFailureProcessor(
              runs,
              dataSource,
              clients,
              diagnoser,
              RepairPlanner.of(
                  RepairPolicy.custom().approval(config.requireApproval()).build(), clock),
              new SqlRepairStatsStore(dataSource, clock),
              clock,
              config.maxLogBytes(),
              Duration.ofSeconds(config.maxRetryDelaySeconds()),
              delay -> Thread.sleep(delay.toMillis()),
              new AuditLog(new AuditStore(dataSource), clock)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the learned repair statistics", e);
    }
  }
}
