package io.pipelineguard.bridge.cli;

import io.pipelineguard.bridge.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pipeline-guard version}: prints the version and the Java runtime. */
@Command(name = "version", description = "Print the version of Pipeline Guard and of Java.")
final class VersionCommand implements Runnable {
  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine()
        .getOut()
        .printf(
            "pipeline-guard %s (Java %s, %s)%n",
            Version.current(), Runtime.version(), System.getProperty("java.vm.name"));
  }
}
