package io.pipelineguard.diagnosis.knowledge;

import com.google.re2j.Pattern;
import io.pipelineguard.diagnosis.Category;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One known sign of a failure in a log line: if any trigger occurs in the line (ASCII
 * case-insensitive substring) and the optional regular expression (RE2 syntax, linear time) finds a
 * match, the line is evidence with the given weight, and votes for the category.
 *
 * @param id stable name, for explanations ({@code network.connection-refused})
 * @param category the category this sign votes for; empty for evidence-only signs (a generic
 *     "error" line) that raise a line's evidence score without voting
 * @param weight how telling the sign is; negative weights mark lines that look like errors but are
 *     not (a summary saying "0 failed")
 * @param triggers lowercase literals, one of which must occur in the line; they make scanning fast
 * @param regex optional refinement, applied to the line's first 4096 characters
 * @param transientOverride when present, overrides the category's default retry judgement
 * @param source where the sign comes from
 * @param scope what text the sign is matched against: each log line, or the failing step's command
 */
public record Indication(
    String id,
    Optional<Category> category,
    double weight,
    List<String> triggers,
    Optional<Pattern> regex,
    Optional<Boolean> transientOverride,
    Source source,
    Scope scope) {

  /** What text an indication is matched against. */
  public enum Scope {
    /** Every log line. */
    LINE,
    /** The command of the first failing step (e.g. {@code npm run lint}), once per log. */
    COMMAND
  }

  /** Creates a line-scoped indication. */
  public Indication(
      String id,
      Optional<Category> category,
      double weight,
      List<String> triggers,
      Optional<Pattern> regex,
      Optional<Boolean> transientOverride,
      Source source) {
    this(id, category, weight, triggers, regex, transientOverride, source, Scope.LINE);
  }

  /** Where an indication comes from. */
  public enum Source {
    /** Shipped with the product. */
    BUILT_IN,
    /** Written by the user in their own rule file. */
    USER
  }

  /** Validates and copies. */
  public Indication {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(regex, "regex");
    Objects.requireNonNull(transientOverride, "transientOverride");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(scope, "scope");
    triggers = List.copyOf(triggers);
    if (triggers.isEmpty()) {
      throw new IllegalArgumentException("indication " + id + " needs at least one trigger");
    }
    if (!Double.isFinite(weight) || Math.abs(weight) > 100) {
      throw new IllegalArgumentException("indication " + id + ": weight must be within +-100");
    }
  }
}
