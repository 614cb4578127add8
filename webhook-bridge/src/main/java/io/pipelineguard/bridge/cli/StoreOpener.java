package io.pipelineguard.bridge.cli;

import io.pipelineguard.bridge.config.BridgeConfig;
import io.pipelineguard.bridge.config.ConfigLoader;
import io.pipelineguard.bridge.store.Database;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

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
