package io.pipelineguard.bridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven through {@code /usr/bin/chromedriver}, collecting the browser
 * console. Without chromium the test is skipped, unless {@code PIPELINE_GUARD_REQUIRE_BROWSER=1}
 * (set by {@code .ci/run}) makes it fail. {@code PIPELINE_GUARD_CHROMIUM} and {@code
 * PIPELINE_GUARD_CHROMEDRIVER} point elsewhere than Debian's paths (another OS).
 */
final class BrowserSession implements AutoCloseable {
  static final Path CHROMEDRIVER = path("PIPELINE_GUARD_CHROMEDRIVER", "/usr/bin/chromedriver");
  static final Path CHROMIUM = path("PIPELINE_GUARD_CHROMIUM", "/usr/bin/chromium");
  static final String REQUIRE_ENV = "PIPELINE_GUARD_REQUIRE_BROWSER";

  private final ChromeDriver driver;

  private static Path path(String variable, String debianDefault) {
    String value = System.getenv(variable);
    return Path.of(value == null || value.isBlank() ? debianDefault : value);
  }

  private BrowserSession(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Skips (or fails, when required) if chromium or chromedriver is missing. */
  static void assumeBrowserInstalled() {
    boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (present) {
      return;
    }
    String message =
        "chromium and chromium-driver are not installed ("
            + CHROMIUM
            + ", "
            + CHROMEDRIVER
            + "): apt-get install chromium chromium-driver";
    if ("1".equals(System.getenv(REQUIRE_ENV))) {
      Assertions.fail(message + "; " + REQUIRE_ENV + "=1 requires the browser test");
    }
    Assumptions.abort(message);
  }

  /** Starts a headless browser with a 1280x900 window. */
  static BrowserSession start() {
    // Keeps Selenium from looking for a driver elsewhere (Selenium Manager, the network).
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--no-first-run",
        "--disable-extensions");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new BrowserSession(new ChromeDriver(service, options));
  }

  WebDriver driver() {
    return driver;
  }

  /** Waits up to 20 s for an element to be displayed and returns it. */
  WebElement visible(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .withMessage("no visible " + by)
        .until(
            d ->
                d.findElements(by).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null));
  }

  /** Waits up to 20 s for a condition on the page. */
  void await(String what, java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(what).until(condition);
  }

  /** Returns the console entries logged since the last call. */
  List<LogEntry> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll();
  }

  /** Asserts that nothing at SEVERE level (errors, CSP violations, failed loads) was logged. */
  void assertNoConsoleErrors() {
    assertThat(console())
        .as("browser console errors")
        .filteredOn(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .isEmpty();
  }

  /** Saves a PNG screenshot of the viewport. */
  void screenshot(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
