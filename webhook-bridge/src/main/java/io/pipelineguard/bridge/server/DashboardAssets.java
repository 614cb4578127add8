package io.pipelineguard.bridge.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the dashboard: the page at {@code /}, its scripts and styles under {@code /dashboard/}
 * (classpath {@code dashboard/}), and the uPlot chart library from its WebJar under {@code
 * /vendor/uplot/} (only its two files the page uses, read once at start). Every answer carries the
 * security headers: a CSP that allows only same-origin scripts and styles (no inline code), no MIME
 * sniffing, no framing.
 */
final class DashboardAssets {
  /** Classpath directory of the dashboard's own files. */
  static final String RESOURCE_DIR = "dashboard";

  /** Classpath directory of uPlot's distribution inside its WebJar (version as in the pom). */
  static final String UPLOT_DIR = "META-INF/resources/webjars/uplot/1.6.30/dist";

  /**
   * The Content-Security-Policy of the dashboard: the bridge's one policy ({@link
   * SecurityHeaders}).
   */
  static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

  /** Headers on every dashboard answer. */
  static final Map<String, String> SECURITY_HEADERS = SecurityHeaders.ON_EVERY_RESPONSE;

  /** The uPlot files served, with their content types. */
  private static final Map<String, String> UPLOT_FILES =
      Map.of("uPlot.esm.js", "text/javascript", "uPlot.min.css", "text/css");

  private final byte[] indexPage;
  private final Map<String, byte[]> uplot;

  /**
   * Reads the page and the uPlot files from the classpath (about 150 KB).
   *
   * @throws IllegalStateException when one is missing from the jar
   */
  DashboardAssets() {
    this.indexPage = read(RESOURCE_DIR + "/index.html");
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : UPLOT_FILES.keySet()) {
      files.put(name, read(UPLOT_DIR + "/" + name));
    }
    this.uplot = Map.copyOf(files);
  }

  /** Adds the dashboard's static files ({@code /dashboard/*}) to a Javalin configuration. */
  static void registerStaticFiles(JavalinConfig javalin) {
    javalin.staticFiles.add(files -> configure(files, "/dashboard", RESOURCE_DIR));
  }

  private static void configure(
      io.javalin.http.staticfiles.StaticFileConfig files, String hostedPath, String directory) {
    files.hostedPath = hostedPath;
    files.directory = directory;
    files.location = Location.CLASSPATH;
    Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
    headers.put("Cache-Control", "no-cache");
    files.headers = headers;
  }

  /** The routes of the page ({@code GET /}) and of uPlot; public: they hold no data. */
  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.open(HandlerType.GET, "/", "Dashboard page (no data; logs in)", this::index),
        ApiRoute.open(
            HandlerType.GET,
            "/vendor/uplot/{file}",
            "Chart library of the dashboard (uPlot)",
            this::uplot));
  }

  private void uplot(Context ctx) {
    String name = ctx.pathParam("file");
    byte[] body = uplot.get(name);
    if (body == null) {
      throw new NotFoundResponse("no such file: " + name);
    }
    SECURITY_HEADERS.forEach(ctx::header);
    ctx.header("Cache-Control", "max-age=86400");
    ctx.contentType(UPLOT_FILES.get(name) + "; charset=utf-8");
    ctx.result(body);
  }

  private void index(Context ctx) {
    SECURITY_HEADERS.forEach(ctx::header);
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(indexPage);
  }

  private static byte[] read(String resource) {
    try (InputStream in = DashboardAssets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("dashboard resource missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dashboard resource " + resource, e);
    }
  }
}
