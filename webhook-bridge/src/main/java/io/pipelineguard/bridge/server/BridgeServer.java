package io.pipelineguard.bridge.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import io.pipelineguard.bridge.learning.LearningDiagnoser;
import io.pipelineguard.bridge.live.EventTypes;
import io.pipelineguard.bridge.live.LiveEvents;
import io.pipelineguard.bridge.live.LiveSocket;
import io.pipelineguard.bridge.live.RunUpdates;
import io.pipelineguard.bridge.live.WsAuthenticator;
import io.pipelineguard.bridge.metrics.BridgeMetrics;
import io.pipelineguard.bridge.monitor.PipelineMonitor;
import io.pipelineguard.bridge.monitor.PipelineViews;
import io.pipelineguard.bridge.monitor.SystemStatus;
import io.pipelineguard.bridge.processing.DeliveryWorkers;
import io.pipelineguard.bridge.processing.FailureProcessor;
import io.pipelineguard.bridge.processing.PendingDiagnosisRecorder;
import io.pipelineguard.bridge.repair.RepairLoopFactory;
import io.pipelineguard.bridge.repair.RepairingFailureProcessor;
import io.pipelineguard.bridge.security.AuditLog;
import io.pipelineguard.bridge.security.Authenticator;
import io.pipelineguard.bridge.security.ClientAddress;
import io.pipelineguard.bridge.security.Permissions;
import io.pipelineguard.bridge.security.RateLimiter;
import io.pipelineguard.bridge.security.SecretTokens;
import io.pipelineguard.bridge.store.AlertStore;
import io.pipelineguard.bridge.store.ApiKeyStore;
import io.pipelineguard.bridge.store.AuditStore;
import io.pipelineguard.bridge.store.Database;
import io.pipelineguard.bridge.store.DeliveryStore;
import io.pipelineguard.bridge.store.DiagnosisStore;
import io.pipelineguard.bridge.store.MetricStore;
import io.pipelineguard.bridge.store.ModelStateStore;
import io.pipelineguard.bridge.store.MonitoringQueries;
import io.pipelineguard.bridge.store.PipelineStore;
import io.pipelineguard.bridge.store.RepairHistory;
import io.pipelineguard.bridge.store.RunStore;
import io.pipelineguard.bridge.store.SessionStore;
import io.pipelineguard.bridge.store.SqlSignatureHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook bridge's HTTP server: one Javalin application with every route, over the store
 * (opened and migrated on construction), the group-commit {@link DeliveryWriter} and the background
 * {@link DeliveryWorkers}. Create it, {@link #start()} it, and {@link #stop()} it (also from a
 * shutdown hook; stopping twice is harmless).
 *
 * <p>Routes are declared as {@link ApiRoute}s, each with the permission it needs ({@link
 * #routes()}); the {@link KeyAccessControl} check (API keys, sessions, rate limits, audit) wraps
 * every protected handler, and {@link SecurityHeaders} are set on every response.
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
  private final LiveEvents live =
      new LiveEvents(
          new ObjectMapper()
              .registerModule(new JavaTimeModule())
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
          LiveEvents.DEFAULT_MAX_PENDING);
  private final PipelineMonitor monitor;
  private final io.pipelineguard.bridge.notify.AlertMailer mailer;
  private final PipelineViews pipelineViews;
  private final SystemStatus systemStatus;
  private final DeliveryWorkers workers;
  private final DeliveryWriter writer;
  private final Javalin app;
  private final List<ApiRoute> routes;
  private final ApiKeyStore keys;
  private final AuditLog audit;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final BridgeMetrics storeMetrics;
  private final ScheduledExecutorService metricsFlusher =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "pipeline-guard-metrics-flush");
            thread.setDaemon(true);
            return thread;
          });

  /** Most active alerts sent in one {@code alerts_update} event. */
  static final int LIVE_ALERTS = 200;

  /** How long a scraped count may lag the store's tables. */
  static final Duration METRICS_REFRESH = Duration.ofSeconds(10);

  /** How often latency totals are written to the store (and at stop). */
  static final Duration METRICS_FLUSH = Duration.ofSeconds(60);

  /** How often audit events past {@code compliance.audit_retention_days} are deleted. */
  static final Duration AUDIT_PRUNE = Duration.ofHours(6);

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
    this.storeMetrics = new BridgeMetrics(database.dataSource(), clock, METRICS_REFRESH);
    storeMetrics.bindIntake(metrics);
    LearningDiagnoser learner;
    try {
      learner =
          new LearningDiagnoser(
              new ModelStateStore(database.dataSource(), clock),
              clock,
              System::nanoTime,
              storeMetrics::recordDiagnosis,
              new SqlSignatureHistory(database.dataSource()));
    } catch (IOException e) {
      database.close();
      throw new UncheckedIOException("cannot load the learned diagnosis model", e);
    }
    RepairingFailureProcessor loop =
        processorFactory != null
            ? null
            : RepairLoopFactory.create(config, database.dataSource(), runs, clock, learner)
                .orElse(null);
    FailureProcessor processor =
        processorFactory != null
            ? processorFactory.apply(runs)
            : loop != null ? loop : new PendingDiagnosisRecorder(runs, clock);
    List<WebhookSource> sources =
        List.of(
            new GitHubWebhooks(config.githubSecret()),
            new GitLabWebhooks(config.gitlabToken()),
            new AzureDevOpsWebhooks(config.azureUsername(), config.azurePassword()),
            new JenkinsWebhooks(config.jenkinsToken()));
    PipelineStore pipelines = new PipelineStore(database.dataSource());
    registerConfigured(config, pipelines, clock);
    MetricStore metricPoints = new MetricStore(database.dataSource());
    AlertStore alerts = new AlertStore(database.dataSource());
    MonitoringQueries queries = new MonitoringQueries(database.dataSource());
    this.monitor = new PipelineMonitor(pipelines, metricPoints, alerts, config.monitoring(), clock);
    this.pipelineViews = new PipelineViews(pipelines, queries, monitor);
    this.systemStatus =
        new SystemStatus(Version.current(), clock, pipelines, monitor, alerts, deliveries, queries);
    Supplier<Map<String, Object>> status = systemStatus::snapshot;
    RunUpdates runUpdates =
        new RunUpdates(
            live,
            run -> pipelineViews.pipeline(run.platform().wireName() + ":" + run.pipeline()),
            status,
            clock,
            Duration.ofSeconds(1));
    monitor.addListener(
        update -> {
          if (update.alertsChanged() && live.clientCount() > 0) {
            List<Map<String, Object>> active = new ArrayList<>();
            alerts.allActive(LIVE_ALERTS).forEach(a -> active.add(PipelineViews.alert(a)));
            live.publish(EventTypes.ALERTS_UPDATE, Map.of("active", active));
          }
        });
    this.mailer =
        config.email().enabled()
            ? new io.pipelineguard.bridge.notify.AlertMailer(config.email(), pipelines::find, clock)
            : null;
    if (mailer != null) {
      monitor.addListener(mailer);
    }
    this.workers =
        DeliveryWorkers.builder(deliveries, runs, processor)
            .sources(sources)
            .clock(clock)
            .threads(config.workerThreads())
            .queueSize(config.workerQueueSize())
            .sweepInterval(Duration.ofSeconds(config.sweepIntervalSeconds()))
            .observer(
                (run, eventType, body) -> {
                  monitor.runRecorded(run, eventType, body);
                  runUpdates.accept(run);
                })
            .processingTime(System::nanoTime, storeMetrics::recordDeliveryProcessing)
            .marker(this::markProcessed)
            .build();
    this.writer =
        new DeliveryWriter(
            deliveries,
            Math.max(1024, config.workerQueueSize()),
            MAX_BATCH,
            workers::submitStoredAll,
            true);
    WebhookEndpoint webhooks =
        new WebhookEndpoint(sources, writer, metrics, clock, config.maxBodyBytes());
    AdminApi api = new AdminApi(deliveries, runs, metrics);
    HealthHandler health =
        new HealthHandler(Version.current(), () -> queries.reachable(STORE_CHECK_SECONDS));
    SecretTokens tokens = new SecretTokens();
    this.keys = new ApiKeyStore(database.dataSource(), tokens);
    this.audit = new AuditLog(new AuditStore(database.dataSource()), clock);
    SessionStore sessions = new SessionStore(database.dataSource(), tokens);
    Authenticator authenticator = new Authenticator(config.adminKey(), keys, sessions, clock);
    KeyAccessControl access =
        new KeyAccessControl(
            authenticator,
            keys,
            new RateLimiter(config.security(), clock, RateLimiter.DEFAULT_MAX_SUBJECTS),
            audit,
            config.security().allowQueryApiKey());
    SessionApi sessionApi =
        new SessionApi(authenticator, sessions, access, audit, config.security(), clock);
    // The live stream carries the overview, pipelines and alerts: the same check as the API.
    WsAuthenticator wsAccess = ctx -> access.authorize(ctx, Permissions.STATUS_READ);
    LiveSocket liveSocket = new LiveSocket(live, wsAccess, status);
    DashboardAssets dashboard = new DashboardAssets();
    List<ApiRoute> routeList = new ArrayList<>();
    routeList.addAll(dashboard.routes());
    routeList.add(
        ApiRoute.open(HandlerType.GET, "/health", "Liveness and version (no key)", health::handle));
    routeList.add(
        ApiRoute.open(
            HandlerType.POST,
            "/webhooks/{platform}",
            "Webhook intake (github, gitlab, azure, jenkins); each platform authenticates itself",
            webhooks::handle));
    routeList.addAll(api.routes());
    routeList.addAll(sessionApi.routes());
    routeList.addAll(new KeysApi(keys, audit, clock).routes());
    routeList.addAll(
        new DiagnosesApi(new DiagnosisStore(database.dataSource()), learner, clock).routes());
    routeList.addAll(new RepairsApi(new RepairHistory(database.dataSource()), loop).routes());
    routeList.addAll(new OutcomesApi(loop).routes());
    routeList.add(
        ApiRoute.open(
            HandlerType.GET,
            "/api/openapi.json",
            "OpenAPI 3.0 description of every route (no key)",
            ctx -> ctx.json(OpenApiDocument.build(routes(), Version.current()))));
    routeList.add(
        ApiRoute.get(
            "/metrics",
            Permissions.STATUS_READ,
            "Prometheus metrics (text format 0.0.4), kept in the store",
            ctx ->
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(storeMetrics.scrape())));
    routeList.addAll(new StatusApi(systemStatus).routes());
    routeList.addAll(new PipelinesApi(pipelines, pipelineViews, clock).routes());
    routeList.addAll(new AlertsApi(alerts, clock).routes());
    routeList.addAll(new MetricsApi(pipelines, metricPoints, clock).routes());
    this.routes = List.copyOf(routeList);
    ClientAddress clientAddress = config.security().clientAddress();
    this.app =
        Javalin.create(
            javalin -> {
              javalin.startup.showJavalinBanner = false;
              javalin.startup.showOldJavalinVersionWarning = false;
              // Javalin's limit applies to chunked bodies too (it counts bytes as it reads).
              javalin.http.maxRequestSize = config.maxBodyBytes();
              javalin.routes.before(SecurityHeaders::apply);
              javalin.routes.before(
                  ctx ->
                      ctx.attribute(
                          KeyAccessControl.CLIENT_IP,
                          clientAddress.resolve(
                              ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"))));
              DashboardAssets.registerStaticFiles(javalin);
              liveSocket.register(javalin.routes);
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

  /**
   * Registers the configuration's {@code pipelines:} entries, checked like {@code POST
   * /api/pipelines}; a bad entry stops the start with a message naming it.
   */
  private void registerConfigured(BridgeConfig config, PipelineStore pipelines, Clock clock) {
    PipelineRegistrations parser = new PipelineRegistrations();
    List<String> entries = config.pipelines();
    for (int i = 0; i < entries.size(); i++) {
      try {
        pipelines.register(
            parser.parse(entries.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            clock.instant());
      } catch (HttpResponseException e) {
        database.close();
        throw new io.pipelineguard.bridge.config.ConfigException(
            "pipelines[" + i + "]: " + e.getMessage());
      }
    }
    if (!entries.isEmpty()) {
      LOG.info("Registered {} pipeline(s) from the configuration", entries.size());
    }
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

  /** The workers' marks ride on the writer's next group commit (created after the workers). */
  private void markProcessed(List<Long> ids, java.time.Instant when) {
    writer.markProcessed(ids, when);
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
    metricsFlusher.scheduleWithFixedDelay(
        storeMetrics::flush,
        METRICS_FLUSH.toSeconds(),
        METRICS_FLUSH.toSeconds(),
        TimeUnit.SECONDS);
    Duration auditRetention = Duration.ofDays(config.security().auditRetentionDays());
    metricsFlusher.scheduleWithFixedDelay(
        () -> audit.prune(auditRetention), 0, AUDIT_PRUNE.toMinutes(), TimeUnit.MINUTES);
    app.start(config.host(), config.port());
    LOG.info(
        "Pipeline Guard {} listening on http://{}:{}", Version.current(), config.host(), port());
    if (!config.adminKey().isSet() && !keys.hasActiveKeys()) {
      LOG.warn(
          "No API key exists: the API answers 503 until one does. Stop the server and run"
              + " `pipeline-guard keys create --name admin --role admin` (with the same --config),"
              + " or set PIPELINE_GUARD_ADMIN_KEY; see docs/security.md");
    }
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

  /** Returns the API key store (for the CLI, tests and the lead's wiring). */
  public ApiKeyStore keyStore() {
    return keys;
  }

  /**
   * Returns the security audit log, for components that record events (e.g. {@link
   * io.pipelineguard.bridge.security.AuditKind#REPAIR_EXECUTED}).
   */
  public AuditLog auditLog() {
    return audit;
  }

  /**
   * Returns the live event broadcaster behind {@code /ws}: publish {@code pipeline_update}, {@code
   * alerts_update} or {@code system_status} events here (see {@link
   * io.pipelineguard.bridge.live.EventTypes}).
   */
  public LiveEvents liveEvents() {
    return live;
  }

  /** Returns the store-backed Prometheus metrics. */
  public BridgeMetrics storeMetrics() {
    return storeMetrics;
  }

  /**
   * Returns the pipeline monitor; add a {@link
   * io.pipelineguard.bridge.monitor.PipelineUpdateListener} to it to hear about new metric points
   * and alerts (the dashboard's WebSocket).
   */
  public PipelineMonitor monitor() {
    return monitor;
  }

  /**
   * Returns the alert mailer registered on the {@link #monitor()} when {@code
   * notifications.email.enabled} is true; empty otherwise.
   */
  public java.util.Optional<io.pipelineguard.bridge.notify.AlertMailer> alertMailer() {
    return java.util.Optional.ofNullable(mailer);
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
    if (mailer != null) {
      mailer.close();
    }
    metricsFlusher.shutdownNow();
    storeMetrics.flush();
    database.close();
  }

  @Override
  public void close() {
    stop();
  }
}
