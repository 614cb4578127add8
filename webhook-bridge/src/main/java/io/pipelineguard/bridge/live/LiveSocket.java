package io.pipelineguard.bridge.live;

import io.javalin.config.RoutesConfig;
import io.javalin.http.ForbiddenResponse;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.pipelineguard.bridge.security.SameOrigin;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /ws} endpoint: authenticates the upgrade with a {@link WsAuthenticator}, joins each
 * connection to {@link LiveEvents}, greets it with a {@code system_status} event, and forgets it
 * when it closes. Messages from clients are ignored (the stream is one-way).
 */
public final class LiveSocket {
  /** The endpoint's path. */
  public static final String PATH = "/ws";

  private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
  private static final String CLIENT = "pipeline-guard-live-client";

  private final LiveEvents events;
  private final WsAuthenticator authenticator;
  private final Supplier<?> status;

  /**
   * Creates the endpoint.
   *
   * @param status the {@code GET /api/status} object sent to each client right after it connects
   */
  public LiveSocket(LiveEvents events, WsAuthenticator authenticator, Supplier<?> status) {
    this.events = Objects.requireNonNull(events, "events must not be null");
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator must not be null");
    this.status = Objects.requireNonNull(status, "status must not be null");
  }

  /**
   * Adds the upgrade checks and the WebSocket handler to a Javalin configuration. A browser's
   * upgrade from another site (its {@code Origin} naming another host than {@code Host}) is refused
   * with 403 before the authenticator runs: cookies must not open the stream cross-site.
   */
  public void register(RoutesConfig routes) {
    routes.wsBeforeUpgrade(
        PATH,
        ctx -> {
          if (!SameOrigin.check(ctx.header("Origin"), ctx.header("Host"))) {
            throw new ForbiddenResponse("cross-site WebSocket upgrade refused");
          }
          authenticator.authorize(ctx);
        });
    routes.ws(PATH, this::configure);
  }

  private void configure(WsConfig ws) {
    ws.onConnect(
        ctx -> {
          ctx.enableAutomaticPings();
          LiveEvents.Client client = events.join(new SessionSink(ctx.session));
          ctx.attribute(CLIENT, client);
          events.sendTo(client, EventTypes.SYSTEM_STATUS, status.get());
        });
    ws.onClose(this::leave);
    ws.onError(
        ctx -> {
          LOG.debug("live client error: {}", String.valueOf(ctx.error()));
          leave(ctx);
        });
  }

  private void leave(WsContext ctx) {
    LiveEvents.Client client = ctx.attribute(CLIENT);
    events.leave(client);
  }

  /** Writes frames to a Jetty WebSocket session without blocking. */
  private record SessionSink(Session session) implements LiveSink {
    @Override
    public void send(String text, java.util.function.Consumer<Throwable> done) {
      session.sendText(text, Callback.from(() -> done.accept(null), done));
    }

    @Override
    public void close(int code, String reason) {
      session.close(code, reason, Callback.NOOP);
    }
  }
}
