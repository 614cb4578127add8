package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The options of one {@code guard} block, immutable and serializable (it travels in the build's
 * {@code program.dat} so a resumed guard keeps its limits). Built with {@link #custom()}.
 */
public final class GuardSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Attempts when none is given: the first run plus two retries. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** Upper bound on {@code maxAttempts}: a guard never loops a build for long. */
  public static final int MAX_ATTEMPTS_LIMIT = 10;

  /** Log lines of a failed attempt given to the diagnoser when none is given. */
  public static final int DEFAULT_MAX_LOG_LINES = 2_000;

  /** Upper bound on {@code maxLogLines}. */
  public static final int MAX_LOG_LINES_LIMIT = 20_000;

  /** Bytes of a failed attempt's log read at most (the tail is kept). */
  public static final int MAX_LOG_BYTES = 1 << 20;

  /** Most {@code cleanPaths} entries of one block. */
  public static final int MAX_CLEAN_PATHS = 20;

  /** The repair policy used when none is named. */
  public static final String DEFAULT_POLICY = "default";

  private final int maxAttempts;
  private final String policy;
  private final String rollbackJob;
  private final LinkedHashMap<String, String> rollbackParameters;
  private final EnumSet<Category> neverRetry;
  private final boolean dryRun;
  private final int maxLogLines;
  private final ArrayList<String> cleanPaths;

  private GuardSettings(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.policy = b.policy;
    this.rollbackJob = b.rollbackJob;
    this.rollbackParameters = new LinkedHashMap<>(b.rollbackParameters);
    this.neverRetry =
        b.neverRetry.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(b.neverRetry);
    this.dryRun = b.dryRun;
    this.maxLogLines = b.maxLogLines;
    this.cleanPaths = new ArrayList<>(b.cleanPaths);
  }

  /** Returns a builder with the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** Returns the defaults: 3 attempts, the default policy, no rollback, no exclusions. */
  public static GuardSettings ofDefaults() {
    return custom().build();
  }

  /** Returns the most attempts of the block, first run included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the repair policy's name. */
  public String policy() {
    return policy;
  }

  /** Returns the full name of the job started as rollback, if any. */
  public Optional<String> rollbackJob() {
    return Optional.ofNullable(rollbackJob);
  }

  /** Returns the string parameters given to the rollback job, in declaration order. */
  public Map<String, String> rollbackParameters() {
    return Collections.unmodifiableMap(rollbackParameters);
  }

  /** Returns the categories the guard never retries, whatever the engine proposes. */
  public Set<Category> neverRetry() {
    return Collections.unmodifiableSet(neverRetry);
  }

  /** Returns whether the guard only says what it would do. */
  public boolean dryRun() {
    return dryRun;
  }

  /** Returns the most log lines of one failed attempt given to the diagnoser. */
  public int maxLogLines() {
    return maxLogLines;
  }

  /**
   * Returns the workspace-relative paths deleted before a clean retry (caches, build output), in
   * declaration order; empty when a clean retry should only retry.
   */
  public List<String> cleanPaths() {
    return Collections.unmodifiableList(cleanPaths);
  }

  @Override
  public String toString() {
    return "GuardSettings{maxAttempts="
        + maxAttempts
        + ", policy="
        + policy
        + ", rollbackJob="
        + rollbackJob
        + ", rollbackParameters="
        + rollbackParameters.keySet()
        + ", neverRetry="
        + neverRetry
        + ", dryRun="
        + dryRun
        + ", maxLogLines="
        + maxLogLines
        + ", cleanPaths="
        + cleanPaths
        + "}";
  }

  /** Builds {@link GuardSettings}; each setter validates its argument at once. */
  public static final class Builder {
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private String policy = DEFAULT_POLICY;
    private String rollbackJob;
    private final LinkedHashMap<String, String> rollbackParameters = new LinkedHashMap<>();
    private final EnumSet<Category> neverRetry = EnumSet.noneOf(Category.class);
    private boolean dryRun;
    private int maxLogLines = DEFAULT_MAX_LOG_LINES;
    private final List<String> cleanPaths = new ArrayList<>();

    private Builder() {}

    /** Sets the most attempts, first run included, between 1 and {@value #MAX_ATTEMPTS_LIMIT}. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
        throw new IllegalArgumentException(
            "maxAttempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ", was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Sets the repair policy's name (letters, digits, '-', '_', '.'; 1 to 64 characters). */
    public Builder policy(String policy) {
      Objects.requireNonNull(policy, "policy must not be null");
      if (!policy.matches("[A-Za-z0-9_.-]{1,64}")) {
        throw new IllegalArgumentException(
            "policy must be 1-64 letters, digits, '-', '_' or '.', was '" + policy + "'");
      }
      this.policy = policy;
      return this;
    }

    /** Sets the full name of the rollback job; null or blank means none. */
    public Builder rollbackJob(String rollbackJob) {
      this.rollbackJob = rollbackJob == null || rollbackJob.isBlank() ? null : rollbackJob.trim();
      return this;
    }

    /** Adds one string parameter for the rollback job. */
    public Builder rollbackParameter(String name, String value) {
      Objects.requireNonNull(value, "rollback parameter value must not be null");
      if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.-]{0,127}")) {
        throw new IllegalArgumentException(
            "rollback parameter name must start with a letter or '_' and hold letters, digits,"
                + " '_', '.' or '-', was '"
                + name
                + "'");
      }
      rollbackParameters.put(name, value);
      return this;
    }

    /** Adds a category the guard never retries. */
    public Builder neverRetry(Category category) {
      neverRetry.add(Objects.requireNonNull(category, "category must not be null"));
      return this;
    }

    /** Sets whether the guard only says what it would do. */
    public Builder dryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    /** Sets the most log lines given to the diagnoser, 1 to {@value #MAX_LOG_LINES_LIMIT}. */
    public Builder maxLogLines(int maxLogLines) {
      if (maxLogLines < 1 || maxLogLines > MAX_LOG_LINES_LIMIT) {
        throw new IllegalArgumentException(
            "maxLogLines must be between 1 and " + MAX_LOG_LINES_LIMIT + ", was " + maxLogLines);
      }
      this.maxLogLines = maxLogLines;
      return this;
    }

    /**
     * Adds a path, relative to the workspace, deleted (recursively) before a clean retry. Absolute
     * paths, {@code ..} segments, backslashes and the workspace itself are refused: a guard only
     * ever deletes inside its workspace.
     */
    public Builder cleanPath(String path) {
      Objects.requireNonNull(path, "cleanPath must not be null");
      String p = path.trim();
      while (p.endsWith("/") && p.length() > 1) {
        p = p.substring(0, p.length() - 1);
      }
      boolean escapes = false;
      for (String segment : p.split("/", -1)) {
        escapes |= segment.equals("..") || segment.isEmpty() || segment.equals(".");
      }
      if (p.isEmpty()
          || p.length() > 256
          || p.startsWith("/")
          || p.startsWith("~")
          || p.contains("\\")
          || p.contains(":")
          || escapes) {
        throw new IllegalArgumentException(
            "cleanPaths entries must be paths inside the workspace such as 'build' or"
                + " '.gradle/caches' (no leading '/', no '..', no '.'), was '"
                + path
                + "'");
      }
      if (cleanPaths.size() >= MAX_CLEAN_PATHS) {
        throw new IllegalArgumentException("at most " + MAX_CLEAN_PATHS + " cleanPaths");
      }
      cleanPaths.add(p);
      return this;
    }

    /** Builds the settings. */
    public GuardSettings build() {
      if (rollbackJob == null && !rollbackParameters.isEmpty()) {
        throw new IllegalStateException("rollbackParameters are given but no rollbackJob");
      }
      return new GuardSettings(this);
    }
  }
}
