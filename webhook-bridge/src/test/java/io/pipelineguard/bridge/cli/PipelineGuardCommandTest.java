package io.pipelineguard.bridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pipelineguard.bridge.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PipelineGuardCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void helpListsTheSubcommands() {
    int code = run(Map.of(), "--help");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("serve")
        .contains("version")
        .contains("Usage: pipeline-guard");
  }

  @Test
  void versionPrintsTheBuildVersion() {
    int code = run(Map.of(), "version");

    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("pipeline-guard " + Version.current());
  }

  @Test
  void serveRejectsAnOutOfRangePortWithoutAStackTrace() {
    int code = run(Map.of(), "serve", "--port", "70000");

    assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString())
        .contains("server.port must be between 0 and 65535, was 70000")
        .doesNotContain("\tat ");
  }

  @Test
  void serveReportsABadEnvironmentVariable() {
    int code = run(Map.of("PIPELINE_GUARD_PORT", "http"), "serve");

    assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("PIPELINE_GUARD_PORT");
  }

  @Test
  void serveRejectsANegativeHypervectorDimension() {
    int code = run(Map.of("HDC_DIMENSION", "-64"), "serve");

    assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("hdc.dimension");
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    int code = run(Map.of(), "frobnicate");

    assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString()).contains("frobnicate");
  }

  private int run(Map<String, String> env, String... args) {
    CommandLine commandLine = PipelineGuardCommand.newCommandLine(env);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
