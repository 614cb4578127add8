package io.pipelineguard.bridge.server;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.pipelineguard.bridge.Version;
import io.pipelineguard.bridge.config.BridgeConfig;
import io.pipelineguard.bridge.intake.AzureDevOpsWebhooks;
import io.pipelineguard.bridge.intake.DeliveryWriter;
import io.pipelineguard.bridge.intake.GitHubWebhooks;
import io.pipelineguard.bridge.intake.GitLabWebhooks;
import io.pipelineguard.bridge.intake.IntakeMetrics;
import io.pipelineguard.bridge.intake.JenkinsWebhooks;
import io.pipelineguard.bridge.intake.WebhookSource;
import io.pipelineguard.bridge.monitor.PipelineMonitor;
import io.pipelineguard.bridge.monitor.PipelineViews;
import io.pipelineguard.bridge.monitor.SystemStatus;
import io.pipelineguard.bridge.processing.DeliveryWorkers;
import io.pipelineguard.bridge.processing.FailureProcessor;
import io.pipelineguard.bridge.processing.PendingDiagnosisRecorder;
import io.pipelineguard.bridge.repair.RepairLoopFactory;
import io.pipelineguard.bridge.store.AlertStore;
import io.pipelineguard.bridge.store.Database;
import io.pipelineguard.bridge.store.DeliveryStore;
import io.pipelineguard.bridge.store.MetricStore;
import io.pipelineguard.bridge.store.MonitoringQueries;
import io.pipelineguard.bridge.store.PipelineStore;
import io.pipelineguard.bridge.store.RunStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook bridge's HTTP server: one Javalin application with every route, over the store
 * (opened and migrated on construction), the group-commit {@link DeliveryWriter} and the background
 * {@link DeliveryWorkers}. Create it, {@link #start()} it, and {@link #stop()} it (also from a
 * shutdown hook; stopping twice is harmless).
 *
 * <p>Routes are declared as {@link ApiRoute}s, each with the permission it needs ({@link
 * #routes()}); an {@link AccessControl} check wraps every protected handler.
 */
public final class BridgeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BridgeServer.class);

  /** Largest number of deliveries committed in one transaction by the writer. */
  static final int MAX_BATCH = 256;

  /** Seconds the health check waits for the store's answer to {@code SELECT 1}. */
  static final int STORE_CHECK_SECONDS = 2;

  private final BridgeConfig config;
  private final Database database;
  private final DeliveryStore deliveries;
  private final RunStore runs;
  private final IntakeMetrics metrics = new IntakeMetrics();
  private final PipelineMonitor monitor;
  private final PipelineViews pipelineViews;
  private final SystemStatus systemStatus;
  private final DeliveryWorkers workers;
  private final DeliveryWriter writer;
  private final Javalin app;
  private final List<ApiRoute> routes;
  private final AtomicBoolean stopped = new AtomicBoolean();

  /** Creates the server with the default failure processor and the system clock. */
  public BridgeServer(BridgeConfig config) {
    this(config, Clock.systemUTC(), null);
  }

  /**
   * Creates the server and its routes, opening the store; nothing listens until {@link #start()}.
   *
   * @param processorFactory builds the failure processor from the run store; null for the repair
   *     loop ({@link RepairLoopFactory}) when a platform API is configured, else {@link
   *     PendingDiagnosisRecorder}
   */
  public BridgeServer(
      BridgeConfig config, Clock clock, Function<RunStore, FailureProcessor> processorFactory) {
    this.config = Objects.requireNonNull(config, "config must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    this.database = Database.open(config);
    this.deliveries = new DeliveryStore(database);
    this.runs = new RunStore(database.dataSource());
    FailureProcessor processor =
        processorFactory != null
            ? processorFactory.apply(runs)
            : RepairLoopFactory.create(config, database.dataSource(), runs, clock)
                .<FailureProcessor>map(loop -> loop)
                .orElseGet(() -> new PendingDiagnosisRecorder(runs, clock));
    List<WebhookSource> sources =
        List.of(
            new GitHubWebhooks(config.githubSecret()),
            new GitLabWebhooks(config.gitlabToken()),
            new AzureDevOpsWebhooks(config.azureUsername(), config.azurePassword()),
            new JenkinsWebhooks(config.jenkinsToken()));
    PipelineStore pipelines = new PipelineStore(database.dataSource());
    MetricStore metricPoints = new MetricStore(database.dataSource());
    AlertStore alerts = new AlertStore(database.dataSource());
    MonitoringQueries queries = new MonitoringQueries(database.dataSource());
    this.monitor = new PipelineMonitor(pipelines, metricPoints, alerts, config.monitoring(), clock);
    this.pipelineViews = new PipelineViews(pipelines, queries, monitor);
    this.systemStatus =
        new SystemStatus(Version.current(), clock, pipelines, monitor, alerts, deliveries, queries);
    this.workers =
        new DeliveryWorkers(
            deliveries,
            runs,
            sources,
            processor,
            monitor::runRecorded,
            clock,
            config.workerThreads(),
            config.workerQueueSize(),
            Duration.ofSeconds(config.sweepIntervalSeconds()));
    this.writer =
        new DeliveryWriter(
            deliveries, Math.max(1024, config.workerQueueSize()), MAX_BATCH, workers::submitStored);
    WebhookEndpoint webhooks =
        new WebhookEndpoint(sources, writer, metrics, clock, config.maxBodyBytes());
    AdminApi api = new AdminApi(config.adminKey(), deliveries, runs, metrics);
    HealthHandler health =
        new HealthHandler(Version.current(), () -> queries.reachable(STORE_CHECK_SECONDS));
    AccessControl access = api::authorize;
    List<ApiRoute> routeList = new ArrayList<>();
    routeList.add(
        ApiRoute.open(HandlerType.GET, "/health", "Liveness and version (no key)", health::handle));
    routeList.add(
        ApiRoute.open(
            HandlerType.POST,
            "/webhooks/{platform}",
            "Webhook intake (github, gitlab, azure, jenkins); each platform authenticates itself",
            webhooks::handle));
    routeList.addAll(api.routes());
    routeList.addAll(new StatusApi(systemStatus).routes());
    routeList.addAll(new PipelinesApi(pipelines, pipelineViews, clock).routes());
    routeList.addAll(new AlertsApi(alerts, clock).routes());
    routeList.addAll(new MetricsApi(pipelines, metricPoints, clock).routes());
    this.routes = List.copyOf(routeList);
    this.app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.startup.showOldJavalinVersionWarning = false;
              // Javalin's limit applies to chunked bodies too (it counts bytes as it reads).
              javalin.http.maxRequestSize = config.maxBodyBytes();
              for (ApiRoute route : routes) {
                javalin.routes.addHttpHandler(route.method(), route.path(), guarded(route, access));
              }
              javalin.routes.error(
                  HttpStatus.NOT_FOUND.getCode(),
                  "*",
                  ctx -> ctx.json(Map.of("error", "not found", "path", ctx.path())));
              javalin.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("error", e.getMessage())));
              javalin.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
                    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .json(Map.of("error", "internal error"));
                  });
            });
  }

  private static Handler guarded(ApiRoute route, AccessControl access) {
    if (route.isPublic()) {
      return route.handler();
    }
    return ctx -> {
      access.authorize(ctx, route.permission());
      route.handler().handle(ctx);
    };
  }

  /** Returns every HTTP route with the permission it needs, in registration order. */
  public List<ApiRoute> routes() {
    return routes;
  }

  /**
   * Resumes pending deliveries, then binds the configured host and port and starts serving.
   *
   * @return this server, for chaining
   */
  public BridgeServer start() {
    workers.start();
    app.start(config.host(), config.port());
    LOG.info(
        "Pipeline Guard {} listening on http://{}:{}", Version.current(), config.host(), port());
    return this;
  }

  /** Returns the port actually bound, useful when the configured port was 0. */
  public int port() {
    return app.port();
  }

  /** Returns the deliveries store (for the CLI, tests and the lead's wiring). */
  public DeliveryStore deliveryStore() {
    return deliveries;
  }

  /** Returns the store's pooled data source (for the repair tables and tests). */
  public javax.sql.DataSource dataSource() {
    return database.dataSource();
  }

  /** Returns the runs and jobs store. */
  public RunStore runStore() {
    return runs;
  }

  /**
   * Returns the pipeline monitor; add a {@link
   * io.pipelineguard.bridge.monitor.PipelineUpdateListener} to it to hear about new metric points
   * and alerts (the dashboard's WebSocket).
   */
  public PipelineMonitor monitor() {
    return monitor;
  }

  /** Returns the builder of pipeline health and alert JSON objects (docs/api.md shapes). */
  public PipelineViews pipelineViews() {
    return pipelineViews;
  }

  /**
   * Returns the builder of the system overview ({@code GET /api/status}, {@code system_status}).
   */
  public SystemStatus systemStatus() {
    return systemStatus;
  }

  /** Returns the in-memory intake counters. */
  public IntakeMetrics metrics() {
    return metrics;
  }

  /**
   * Stops accepting requests, commits what is queued, lets running work finish (pending work stays
   * in the store for the next start) and closes the store. Safe to call more than once.
   */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    app.stop();
    writer.close();
    workers.close();
    database.close();
  }

  @Override
  public void close() {
    stop();
  }
}
