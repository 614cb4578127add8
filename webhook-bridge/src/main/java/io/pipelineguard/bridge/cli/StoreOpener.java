package io.pipelineguard.bridge.cli;

import io.pipelineguard.bridge.config.BridgeConfig;
import io.pipelineguard.bridge.config.ConfigException;
import io.pipelineguard.bridge.config.ConfigLoader;
import io.pipelineguard.bridge.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.ToIntFunction;
import picocli.CommandLine;

/**
 * Opens the store that {@code serve} uses with the same configuration, for the commands that work
 * on it offline ({@code keys}). The embedded H2 store is single-process: while a server holds it,
 * opening fails, and {@link #explain} says what to do instead.
 */
final class StoreOpener {
  /** H2's error code for a database file locked by another process. */
  static final int H2_DATABASE_IN_USE = 90020;

  private StoreOpener() {}

  /** Loads the configuration (defaults, {@code configFile}, environment) and opens its store. */
  static Database open(Map<String, String> environment, Path configFile) {
    BridgeConfig config = new ConfigLoader(environment).load(configFile);
    return Database.open(config);
  }

  /**
   * Opens the store, runs {@code body} on it and closes it, for the offline commands: a bad
   * configuration answers {@code USAGE} and a store failure {@code SOFTWARE}, each with one line on
   * {@code err} (never a stack trace).
   *
   * @return {@code body}'s exit code, or the failure's
   */
  static int withStore(
      Map<String, String> environment,
      Path configFile,
      PrintWriter err,
      ToIntFunction<Database> body) {
    try (Database database = open(environment, configFile)) {
      return body.applyAsInt(database);
    } catch (ConfigException e) {
      err.println("pipeline-guard: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    } catch (RuntimeException e) {
      err.println("pipeline-guard: " + explain(e));
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  /** Returns a one-line explanation of a failure to open the store. */
  static String explain(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
        return "the embedded store is in use by a running server (H2 allows one process): stop"
            + " the server and retry, or manage keys through the API (POST /api/keys,"
            + " DELETE /api/keys/{id}) with an admin key";
      }
      if (t.getCause() == t) {
        break;
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getMessage() + (root == e ? "" : ": " + root.getMessage());
  }
}
