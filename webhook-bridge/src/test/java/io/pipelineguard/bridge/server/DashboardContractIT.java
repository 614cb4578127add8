package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The dashboard's own logic in headless chromium against {@link ContractStub}, a bridge answering
 * docs/api.md's shapes: login, overview, in-place live updates, detail views, logout, and the
 * messages for a wrong key and a missing permission.
 */
class DashboardContractIT {
  @BeforeEach
  void browserInstalled() {
    BrowserSession.assumeBrowserInstalled();
  }

  private static void logIn(BrowserSession browser, String key) {
    browser.visible(By.id("api-key")).sendKeys(key);
    browser.driver().findElement(By.cssSelector("#login-form button")).click();
  }

  private static String text(WebDriver driver, String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private static Object js(BrowserSession browser, String script) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script);
  }

  @Test
  void overview_updates_live_in_place_and_detail_views_render() throws Exception {
    try (ContractStub stub = new ContractStub();
        BrowserSession browser = BrowserSession.start()) {
      WebDriver driver = browser.driver();
      driver.get(stub.base() + "/");
      logIn(browser, ContractStub.FULL_KEY);

      browser.visible(By.cssSelector("#pipelines tbody tr"));
      browser.await("repairs", d -> text(d, "repairs").contains("passed on retry"));
      assertThat(text(driver, "pipelines")).contains("acme/shop ci.yml", "warning", "83 %");
      assertThat(text(driver, "alerts")).contains("failure rate 17 %");
      assertThat(text(driver, "repairs")).contains("network failure is transient");
      assertThat(text(driver, "status-cards")).contains("42 processed");
      browser.await("live", d -> text(d, "live-indicator").equals("live"));
      ContractStub.await("socket joined", () -> stub.events().clientCount() == 1);
      js(browser, "window.notReloaded = true;");

      stub.events()
          .publish(
              "pipeline_update",
              Map.of("id", ContractStub.PIPELINE_ID, "health", "critical", "health_score", 0.31));
      browser.await("row updated", d -> text(d, "pipelines").contains("critical"));
      assertThat(driver.findElements(By.cssSelector("#pipelines tbody tr"))).hasSize(1);
      assertThat(text(driver, "pipelines")).contains("0.31", "83 %");
      stub.events()
          .publish(
              "pipeline_update",
              Map.of("id", "gitlab:acme/api", "name", "acme/api", "last_status", "success"));
      browser.await("row added", d -> text(d, "pipelines").contains("acme/api"));
      stub.events().publish("alerts_update", Map.of("active", List.of()));
      browser.await("alerts cleared", d -> text(d, "alerts").contains("No active alerts."));
      Map<String, Object> status = new java.util.HashMap<>(ContractStub.status());
      status.put("deliveries", Map.of("pending", 0, "processed", 43, "failed", 0));
      stub.events().publish("system_status", status);
      browser.await("cards updated", d -> text(d, "status-cards").contains("43 processed"));
      assertThat(js(browser, "return window.notReloaded;")).isEqualTo(true);
      browser.screenshot(Path.of("target/dashboard-overview.png"));

      driver.findElement(By.linkText("acme/shop ci.yml")).click();
      browser.await(
          "charts", d -> d.findElements(By.cssSelector("#pipeline-view canvas")).size() == 2);
      assertThat(driver.getCurrentUrl()).endsWith("#/pipelines/github%3Aacme%2Fshop%2Fci.yml");
      assertThat(text(driver, "pipeline-summary")).contains("24", "6 min (expected 5 min)");
      browser.screenshot(Path.of("target/dashboard-pipeline.png"));

      driver.findElement(By.linkText("network")).click();
      browser.visible(By.cssSelector("#diagnosis .evidence li"));
      assertThat(driver.findElements(By.cssSelector("#diagnosis .evidence li"))).hasSize(2);
      assertThat(text(driver, "diagnosis"))
          .contains("120", "npm ERR! code ECONNRESET", "<script>window.pwned=1</script>");
      assertThat(js(browser, "return window.pwned;")).isNull();

      driver.navigate().refresh();
      browser.visible(By.cssSelector("#diagnosis .evidence li"));
      browser.assertNoConsoleErrors();

      driver.findElement(By.id("logout")).click();
      browser.visible(By.id("api-key"));
      browser.await("offline", d -> text(d, "live-indicator").equals("offline"));
      assertThat(text(driver, "login-message")).isEqualTo("Logged out.");
    }
  }

  @Test
  void wrong_key_and_missing_permission_are_explained() {
    try (ContractStub stub = new ContractStub();
        BrowserSession browser = BrowserSession.start()) {
      browser.driver().get(stub.base() + "/");

      logIn(browser, "not-a-key");
      browser.await(
          "login refused",
          d -> text(d, "login-message").equals("That key is not valid: check it and try again."));
      browser.driver().findElement(By.id("api-key")).clear();
      logIn(browser, ContractStub.LIMITED_KEY);

      browser.await(
          "403 explained", d -> text(d, "repairs").equals("Your key lacks repairs:read."));
      assertThat(text(browser.driver(), "pipelines")).contains("acme/shop ci.yml");
      // The 401 and 403 answers are logged by chromium as failed loads: expected here.
    }
  }
}
