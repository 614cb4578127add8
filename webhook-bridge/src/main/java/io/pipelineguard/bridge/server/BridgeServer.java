package io.pipelineguard.bridge.server;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.Version;
import io.pipelineguard.bridge.config.BridgeConfig;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook bridge's HTTP server: one Javalin application with every route. Create it, {@link
 * #start()} it, and {@link #stop()} it (also from a shutdown hook; stopping twice is harmless).
 *
 * <p>Thread-safety: start and stop may be called from different threads; requests are served by
 * Jetty's pool.
 */
public final class BridgeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BridgeServer.class);

  private final BridgeConfig config;
  private final Javalin app;

  /** Creates the server and its routes; nothing listens until {@link #start()}. */
  public BridgeServer(BridgeConfig config) {
    this.config = Objects.requireNonNull(config, "config must not be null");
    HealthHandler health = new HealthHandler(Version.current());
    this.app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.startup.showOldJavalinVersionWarning = false;
              javalin.http.maxRequestSize = 1024L * 1024;
              javalin.routes.get("/health", health::handle);
              javalin.routes.error(
                  HttpStatus.NOT_FOUND.getCode(),
                  "*",
                  ctx -> ctx.json(Map.of("error", "not found", "path", ctx.path())));
              javalin.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .json(Map.of("error", "internal error"));
                  });
            });
  }

  /**
   * Binds the configured host and port and starts serving.
   *
   * @return this server, for chaining
   */
  public BridgeServer start() {
    app.start(config.host(), config.port());
    LOG.info(
        "Pipeline Guard {} listening on http://{}:{}", Version.current(), config.host(), port());
    return this;
  }

  /** Returns the port actually bound, useful when the configured port was 0. */
  public int port() {
    return app.port();
  }

  /** Stops accepting requests and lets running ones finish. Safe to call more than once. */
  public void stop() {
    app.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
