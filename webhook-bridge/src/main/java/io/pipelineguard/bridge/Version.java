package io.pipelineguard.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Pipeline Guard this jar was built as, read once from a build-filtered resource.
 */
public final class Version {
  private static final String RESOURCE = "/io/pipelineguard/bridge/version.properties";
  private static final String VERSION = load();

  private Version() {}

  /** Returns the project version, for example {@code 0.1.0}; never null. */
  public static String current() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String value = properties.getProperty("version", "unknown");
      return value.startsWith("${") ? "unknown" : value;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
