package io.pipelineguard.bridge.cli;

import io.pipelineguard.bridge.security.ApiKey;
import io.pipelineguard.bridge.security.AuditKind;
import io.pipelineguard.bridge.security.AuditLog;
import io.pipelineguard.bridge.security.Permission;
import io.pipelineguard.bridge.security.Role;
import io.pipelineguard.bridge.store.ApiKeyStore;
import io.pipelineguard.bridge.store.AuditStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pipeline-guard keys create}: creates a key and prints it, once. */
@Command(name = "create", description = "Create an API key and print it once.")
final class KeysCreateCommand implements Callable<Integer> {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who uses it.")
  private String name;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description = "readonly, operator, admin or superuser.")
  private String role;

  @Option(
      names = "--permissions",
      paramLabel = "P1,P2",
      description = "Extra permissions beyond the role's, e.g. audit:read,keys:read.")
  private String permissions = "";

  @Option(names = "--config", paramLabel = "FILE", description = "Same file as for serve.")
  private Path configFile;

  private final Map<String, String> environment;
  private final Clock clock = Clock.systemUTC();

  KeysCreateCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Role parsedRole;
    List<Permission> extras;
    try {
      ApiKey.checkName(name);
      parsedRole = Role.fromWireName(role);
      extras = Permission.parseList(permissions);
    } catch (IllegalArgumentException e) {
      err.println("pipeline-guard: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    return StoreOpener.withStore(
        environment,
        configFile,
        err,
        database -> {
          ApiKeyStore.CreatedKey created;
          try {
            created =
                new ApiKeyStore(database.dataSource())
                    .create(name, parsedRole, extras, clock.instant());
          } catch (IllegalArgumentException e) {
            err.println("pipeline-guard: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
          }
          new AuditLog(new AuditStore(database.dataSource()), clock)
              .record(
                  AuditKind.KEY_CREATED,
                  "cli",
                  null,
                  "key " + created.key().id() + " '" + name + "' role " + parsedRole.wireName());
          PrintWriter out = spec.commandLine().getOut();
          out.println(
              "Created API key "
                  + created.key().id()
                  + " '"
                  + name
                  + "' (role "
                  + parsedRole.wireName()
                  + "):");
          out.println();
          out.println("  " + created.secret());
          out.println();
          out.println(
              "Store it now (a password manager or secret store): it is not shown again, only its"
                  + " hash is kept. Send it in the X-API-Key header.");
          return CommandLine.ExitCode.OK;
        });
  }
}
