package io.pipelineguard.bridge.cli;

import io.pipelineguard.bridge.Version;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code pipeline-guard}: the command line of the runnable jar. Subcommands do the work; with none,
 * it prints usage.
 */
@Command(
    name = "pipeline-guard",
    mixinStandardHelpOptions = true,
    versionProvider = PipelineGuardCommand.VersionProvider.class,
    description = "Self-healing guard for CI/CD pipelines: diagnoses failed jobs and repairs them.",
    subcommands = {
      ServeCommand.class,
      DiagnoseCommand.class,
      EvalCommand.class,
      SimulateCommand.class,
      KeysCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PipelineGuardCommand implements Runnable {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its exit code (serve returns once stopped). */
  public static void main(String[] args) {
    System.exit(newCommandLine(System.getenv()).execute(args));
  }

  /**
   * Builds the command line with the given environment, for tests and embedding.
   *
   * @param environment environment variables the subcommands read overrides from
   */
  public static CommandLine newCommandLine(Map<String, String> environment) {
    CommandLine commandLine =
        new CommandLine(new PipelineGuardCommand(), new EnvironmentFactory(environment));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Supplies {@code --version}. */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"pipeline-guard " + Version.current()};
    }
  }
}
