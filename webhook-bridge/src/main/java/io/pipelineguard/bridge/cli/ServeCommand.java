package io.pipelineguard.bridge.cli;

import io.pipelineguard.bridge.config.BridgeConfig;
import io.pipelineguard.bridge.config.ConfigException;
import io.pipelineguard.bridge.config.ConfigLoader;
import io.pipelineguard.bridge.server.BridgeServer;
import io.pipelineguard.bridge.store.StoreException;
import io.pipelineguard.hdc.Dimension;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pipeline-guard serve}: starts the webhook bridge and blocks until the process is asked to
 * stop (Ctrl-C or SIGTERM), then stops the server cleanly.
 */
@Command(
    name = "serve",
    description = "Start the webhook bridge, REST API and dashboard on the embedded defaults.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "TCP port to listen on (0 picks a free port). Default: server.port, 8080.")
  private Integer port;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML configuration overriding the embedded defaults.")
  private Path configFile;

  private final Map<String, String> environment;

  ServeCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    BridgeConfig config;
    try {
      config = new ConfigLoader(environment).load(configFile);
      if (port != null) {
        config = config.toBuilder().port(port).build();
      }
      // Logs one line when HDC_DIMENSION / hdc.dimension is not a multiple of 64 bits.
      Dimension dimension = Dimension.roundedUp(config.hdcDimensionBits());
      LOG.info("Hypervector dimension: {} bits", dimension.bits());
    } catch (ConfigException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("pipeline-guard: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    BridgeServer server;
    try {
      server = new BridgeServer(config);
    } catch (StoreException e) {
      spec.commandLine()
          .getErr()
          .printf("pipeline-guard: %s: %s%n", e.getMessage(), rootMessage(e));
      return CommandLine.ExitCode.SOFTWARE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              LOG.info("Stopping Pipeline Guard");
              server.stop();
              stopped.countDown();
              LOG.info("Pipeline Guard stopped");
            },
            "pipeline-guard-shutdown");
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      spec.commandLine()
          .getErr()
          .printf(
              "pipeline-guard: cannot listen on %s:%d: %s%n",
              config.host(), config.port(), rootMessage(e));
      return CommandLine.ExitCode.SOFTWARE;
    }
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.stop();
    }
    return CommandLine.ExitCode.OK;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
