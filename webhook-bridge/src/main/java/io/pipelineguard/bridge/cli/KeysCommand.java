package io.pipelineguard.bridge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pipeline-guard keys}: creates, lists and revokes API keys in the store {@code serve} uses
 * (same {@code --config} and environment). With the embedded store, run it while the server is
 * stopped, or use the keys API.
 */
@Command(
    name = "keys",
    description = "Create, list and revoke API keys (in the store serve uses).",
    subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRevokeCommand.class})
final class KeysCommand implements Runnable {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
