package io.pipelineguard.bridge.cli;

import io.pipelineguard.bridge.security.ApiKey;
import io.pipelineguard.bridge.security.Permission;
import io.pipelineguard.bridge.store.ApiKeyStore;
import io.pipelineguard.bridge.store.Page;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline-guard keys list}: lists keys, newest first, never their secrets. */
@Command(name = "list", description = "List API keys (never their secrets).")
final class KeysListCommand implements Callable<Integer> {
  private static final int PAGE = 100;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "Same file as for serve.")
  private Path configFile;

  private final Map<String, String> environment;

  KeysListCommand(Map<String, String> environment) {
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
          PrintWriter out = spec.commandLine().getOut();
          out.printf(
              "%-6s %-24s %-10s %-12s %-8s %-25s %s%n",
              "ID", "NAME", "ROLE", "PREFIX", "STATE", "LAST USED", "EXTRA PERMISSIONS");
          Long cursor = null;
          do {
            Page<ApiKey> page = keys.page(cursor, PAGE);
            for (ApiKey key : page.items()) {
              out.printf(
                  "%-6d %-24s %-10s %-12s %-8s %-25s %s%n",
                  key.id(),
                  key.name(),
                  key.role().wireName(),
                  key.prefix(),
                  key.active() ? "active" : "revoked",
                  key.lastUsedAt() == null ? "never" : key.lastUsedAt().toString(),
                  key.extraPermissions().stream()
                      .map(Permission::value)
                      .collect(Collectors.joining(",")));
            }
            cursor = page.nextCursor();
          } while (cursor != null);
          return CommandLine.ExitCode.OK;
        });
  }
}
