package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in headless chromium: it loads without console errors (CSP violations included),
 * renders hostile server strings as text, and, once session login and the pipelines API are in the
 * build, shows a pipeline fed through a webhook and updates live. Screenshots go to {@code
 * target/}.
 */
class DashboardBrowserIT {
  private static final String SCRIPT = "<script>window.pwned=1</script>";
  private static final String IMG = "<img src=x onerror=\"window.pwned=2\">";

  @TempDir Path dataDir;

  @BeforeEach
  void browserInstalled() {
    BrowserSession.assumeBrowserInstalled();
  }

  @Test
  void login_view_loads_without_console_errors() throws Exception {
    try (BridgeServer server = new BridgeServer(WebhookClient.config(dataDir).build()).start();
        BrowserSession browser = BrowserSession.start()) {
      browser.driver().get("http://127.0.0.1:" + server.port() + "/");

      browser.visible(By.id("api-key"));
      assertThat(browser.driver().getTitle()).isEqualTo("Pipeline Guard");
      assertThat(browser.visible(By.id("live-indicator")).getText()).isEqualTo("offline");
      browser.screenshot(Path.of("target/dashboard-login.png"));
      browser.assertNoConsoleErrors();
    }
  }

  @Test
  void hostile_server_strings_render_as_inert_text() throws Exception {
    try (ContractStub stub = new ContractStub();
        BrowserSession browser = BrowserSession.start()) {
      browser.driver().get(stub.base() + "/dashboard-test/render.html");
      browser.visible(By.id("rendered"));

      Object pwned = ((JavascriptExecutor) browser.driver()).executeScript("return window.pwned;");
      assertThat(pwned).as("a hostile string ran as code").isNull();
      WebElement out = browser.driver().findElement(By.id("out"));
      assertThat(out.findElements(By.tagName("img"))).isEmpty();
      assertThat(out.findElements(By.tagName("script"))).isEmpty();
      assertThat(out.findElements(By.tagName("b"))).isEmpty();
      assertThat(browser.driver().findElement(By.cssSelector(".evidence")).getText())
          .contains("120", "npm ERR! " + SCRIPT, "121", IMG);
      assertThat(browser.driver().findElement(By.id("pipelines")).getText())
          .contains("acme/shop " + SCRIPT);
      assertThat(browser.driver().findElement(By.id("alerts")).getText()).contains(SCRIPT);
      for (WebElement link : out.findElements(By.tagName("a"))) {
        assertThat(link.getAttribute("href")).doesNotStartWith("javascript:").contains("#/");
      }
      assertThat(out.findElements(By.cssSelector("#duration-chart canvas"))).hasSize(1);
      assertThat(out.findElements(By.cssSelector("#failure-chart canvas"))).hasSize(1);
      browser.screenshot(Path.of("target/dashboard-views.png"));
      browser.assertNoConsoleErrors();
    }
  }

  /**
   * End to end through the real bridge: log in with the admin key, see a pipeline that arrived by
   * webhook, then see a second one appear live without reloading.
   */
  @Test
  void pipeline_fed_by_webhook_shows_and_updates_live() throws Exception {
    try (BridgeServer server = new BridgeServer(WebhookClient.config(dataDir).build()).start();
        BrowserSession browser = BrowserSession.start()) {
      String base = "http://127.0.0.1:" + server.port();
      WebhookClient webhooks = new WebhookClient(server.port());
      int[] seconds = {312, 298, 305, 331, 290, 1260};
      for (int i = 0; i < seconds.length; i++) {
        webhooks.github(
            "workflow_run",
            "r-" + i,
            workflowRun(1000 + i, i == 3 ? "failure" : "success", seconds[i]));
      }
      WebhookClient.await(
          "runs recorded", () -> server.runStore().page(null, 10).items().size() == seconds.length);

      browser.driver().get(base + "/");
      browser.visible(By.id("api-key")).sendKeys(WebhookClient.ADMIN_KEY);
      browser.driver().findElement(By.cssSelector("#login-form button")).click();
      browser.visible(By.cssSelector("#pipelines tbody tr"));
      assertThat(browser.driver().findElement(By.id("pipelines")).getText())
          .contains("octo-org/octo-repo");
      browser.await(
          "live indicator", d -> d.findElement(By.id("live-indicator")).getText().equals("live"));
      ((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true;");

      webhooks.jenkins(WebhookClient.fixture("jenkins-failure.json"));

      browser.await(
          "the Jenkins pipeline appears live",
          d -> d.findElement(By.id("pipelines")).getText().contains("payments-api"));
      assertThat(
              ((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded;"))
          .isEqualTo(true);
      browser.await(
          "the health of the GitHub pipeline shown",
          d -> d.findElement(By.id("pipelines")).getText().contains("83.3 %"));
      browser.screenshot(Path.of("target/dashboard.png"));
      browser.assertNoConsoleErrors();
    }
  }

  /** GitHub's sample workflow_run event, as run {@code id} lasting {@code seconds}. */
  private static byte[] workflowRun(long id, String conclusion, int seconds) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode event =
        (ObjectNode) json.readTree(WebhookClient.fixture("github-workflow_run-completed.json"));
    ObjectNode run = (ObjectNode) event.get("workflow_run");
    Instant start = Instant.parse("2026-11-28T09:00:00Z").plusSeconds(3600L * id % 86_400);
    run.put("id", id);
    run.put("run_number", id);
    run.put("name", "CI");
    run.put("conclusion", conclusion);
    run.put("run_started_at", start.toString());
    run.put("updated_at", start.plusSeconds(seconds).toString());
    return json.writeValueAsBytes(event);
  }
}
