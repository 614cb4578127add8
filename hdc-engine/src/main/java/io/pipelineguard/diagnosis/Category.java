package io.pipelineguard.diagnosis;

import java.util.Locale;
import java.util.Optional;

/**
 * The twelve failure categories of the product's taxonomy ({@code docs/taxonomy.md}). Each failed
 * job gets exactly one: the root cause a person reading the log would state.
 *
 * <p>{@link #kind()} says whether a failure of the category is, by default, worth an automatic
 * retry. Learning may override the default for a particular failure signature.
 */
public enum Category {
  /** Compiler, type checker or syntax errors in the project's code. */
  COMPILATION(Kind.DETERMINISTIC),
  /** Tests fail on assertions or exceptions, with nothing pointing to timing or environment. */
  TEST_FAILURE(Kind.DETERMINISTIC),
  /** A test failure the log itself marks as intermittent (race, rerun passed, "flaky"). */
  FLAKY_TEST(Kind.TRANSIENT),
  /** Installing or resolving dependencies fails. */
  DEPENDENCY(Kind.MIXED),
  /** Connectivity to a remote service failed. */
  NETWORK(Kind.TRANSIENT),
  /** The job or a step hit a time limit or was silent for too long. */
  TIMEOUT(Kind.TRANSIENT),
  /** The machine ran out of memory, disk, file handles. */
  RESOURCE(Kind.TRANSIENT),
  /** The CI system itself failed: runner lost, VM could not start, system failure. */
  INFRASTRUCTURE(Kind.TRANSIENT),
  /** The pipeline or environment is set up wrong: config, secrets, tool versions. */
  CONFIGURATION(Kind.DETERMINISTIC),
  /** A non-test check fails on purpose: linter, formatter, coverage, scans. */
  QUALITY_GATE(Kind.DETERMINISTIC),
  /** A deploy, release or publish step fails; a rollback candidate. */
  DEPLOYMENT(Kind.MIXED),
  /** The log gives no way to tell the cause. */
  UNKNOWN(Kind.UNKNOWN);

  /** Whether failures of a category are worth retrying by default. */
  public enum Kind {
    /** Intermittent: a retry usually helps. */
    TRANSIENT,
    /** Reproducible: a retry wastes a runner. */
    DETERMINISTIC,
    /**
     * Either, depending on the details (for example a registry outage versus a missing package).
     */
    MIXED,
    /** Nothing is known. */
    UNKNOWN
  }

  private final Kind kind;

  Category(Kind kind) {
    this.kind = kind;
  }

  /** Returns whether failures of this category are, by default, worth an automatic retry. */
  public Kind kind() {
    return kind;
  }

  /** Returns the taxonomy's wire name, for example {@code test_failure}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a taxonomy wire name ({@code test_failure}) or enum name ({@code TEST_FAILURE}).
   *
   * @return the category, or empty when {@code name} is null or names no category
   */
  public static Optional<Category> fromWireName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String normalised = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Category category : values()) {
      if (category.name().equals(normalised)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }
}
