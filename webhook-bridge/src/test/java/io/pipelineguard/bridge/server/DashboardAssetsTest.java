package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard is served with its security headers and holds no inline code (CSP-clean). */
class DashboardAssetsTest {
  private static final Path SOURCES = Path.of("src/main/resources/dashboard");
  private static final Pattern INLINE_SCRIPT =
      Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_HANDLER =
      Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
  private static final Pattern STYLE_ATTRIBUTE =
      Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
  private static final Pattern REMOTE_URL =
      Pattern.compile("(?:src|href)\\s*=\\s*\"(?:https?:)?//", Pattern.CASE_INSENSITIVE);
  private static final List<String> UNSAFE_JS =
      List.of(
          "innerHTML",
          "outerHTML",
          "insertAdjacentHTML",
          "document.write",
          "eval(",
          "new Function",
          "setAttribute('style'",
          "setAttribute(\"style\"",
          "cssText",
          "http://",
          "https://");

  @TempDir Path dataDir;
  private final HttpClient client = HttpClient.newHttpClient();

  private static List<Path> files(String extension) throws IOException {
    try (Stream<Path> paths = Files.list(SOURCES)) {
      return paths.filter(p -> p.toString().endsWith(extension)).sorted().toList();
    }
  }

  @Test
  void html_has_no_inline_scripts_handlers_styles_or_remote_urls() throws IOException {
    List<Path> pages = files(".html");
    assertThat(pages).isNotEmpty();
    for (Path page : pages) {
      String html = Files.readString(page, StandardCharsets.UTF_8);
      assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline <script> in " + page).isFalse();
      assertThat(INLINE_HANDLER.matcher(html).find()).as("on*= handler in " + page).isFalse();
      assertThat(STYLE_ATTRIBUTE.matcher(html).find()).as("style= in " + page).isFalse();
      assertThat(html).as("<style> in " + page).doesNotContainIgnoringCase("<style");
      assertThat(REMOTE_URL.matcher(html).find()).as("remote URL in " + page).isFalse();
    }
  }

  @Test
  void scripts_never_parse_markup_or_evaluate_strings() throws IOException {
    List<Path> scripts = files(".js");
    assertThat(scripts).extracting(p -> p.getFileName().toString()).contains("app.js", "dom.js");
    for (Path script : scripts) {
      String js = Files.readString(script, StandardCharsets.UTF_8);
      for (String unsafe : UNSAFE_JS) {
        assertThat(js).as(script + " uses " + unsafe).doesNotContain(unsafe);
      }
    }
  }

  @Test
  void page_assets_and_uplot_are_served_with_security_headers() throws Exception {
    try (BridgeServer server = new BridgeServer(WebhookClient.config(dataDir).build()).start()) {
      HttpResponse<String> page = get(server, "/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<script type=\"module\" src=\"/dashboard/app.js\">");
      assertSecurityHeaders(page);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

      HttpResponse<String> app = get(server, "/dashboard/app.js");
      assertThat(app.statusCode()).isEqualTo(200);
      assertThat(app.headers().firstValue("Content-Type").orElse("")).contains("javascript");
      assertSecurityHeaders(app);

      HttpResponse<String> uplot = get(server, "/vendor/uplot/uPlot.esm.js");
      assertThat(uplot.statusCode()).isEqualTo(200);
      assertThat(uplot.body()).contains("export { uPlot as default }");
      assertThat(get(server, "/vendor/uplot/uPlot.min.css").statusCode()).isEqualTo(200);
      assertThat(get(server, "/vendor/uplot/uPlot.d.ts").statusCode()).isEqualTo(404);
    }
  }

  private static void assertSecurityHeaders(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("script-src 'self'", "style-src 'self'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  private HttpResponse<String> get(BridgeServer server, String path)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
