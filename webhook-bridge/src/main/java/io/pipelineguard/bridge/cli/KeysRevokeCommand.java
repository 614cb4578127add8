package io.pipelineguard.bridge.cli;

import io.pipelineguard.bridge.security.AuditKind;
import io.pipelineguard.bridge.security.AuditLog;
import io.pipelineguard.bridge.store.ApiKeyStore;
import io.pipelineguard.bridge.store.AuditStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pipeline-guard keys revoke ID}: revokes a key at once (its sessions end too). */
@Command(name = "revoke", description = "Revoke an API key by id (see keys list).")
final class KeysRevokeCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The key's id.")
  private long id;

  @Option(names = "--config", paramLabel = "FILE", description = "Same file as for serve.")
  private Path configFile;

  private final Map<String, String> environment;

  KeysRevokeCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    return StoreOpener.withStore(
        environment,
        configFile,
        err,
        database -> {
          ApiKeyStore keys = new ApiKeyStore(database.dataSource());
          if (keys.find(id).isEmpty()) {
            err.println("pipeline-guard: no API key " + id + " (see pipeline-guard keys list)");
            return CommandLine.ExitCode.USAGE;
          }
          Clock clock = Clock.systemUTC();
          if (!keys.revoke(id, clock.instant())) {
            err.println("pipeline-guard: API key " + id + " is already revoked");
            return CommandLine.ExitCode.USAGE;
          }
          new AuditLog(new AuditStore(database.dataSource()), clock)
              .record(AuditKind.KEY_REVOKED, "cli", null, "key " + id);
          spec.commandLine().getOut().println("Revoked API key " + id);
          return CommandLine.ExitCode.OK;
        });
  }
}
