package io.pipelineguard.jenkins;

import io.pipelineguard.repair.NamedPolicies;
import io.pipelineguard.repair.RepairPolicy;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Resolves a guard's policy name to a {@link RepairPolicy}: the engine's presets ({@code default},
 * {@code cautious}, {@code deploy}, {@code no-retry}, {@code patient}) plus the administrator's own
 * definitions from the global configuration ({@code name: key=value ...}, one per line). The name
 * {@code default} means the controller's default policy, itself {@code default} unless changed.
 *
 * <p>The definitions are re-read at each call (a string) and parsed again only when they changed.
 * Thread-safe.
 */
final class GuardPolicies {
  private record Parsed(String definitions, NamedPolicies named, IllegalArgumentException error) {}

  private final Supplier<String> defaultPolicy;
  private final Supplier<String> definitions;
  private volatile Parsed parsed;

  /**
   * Creates the resolver.
   *
   * @param defaultPolicy the policy a guard naming {@code default} gets
   * @param definitions the administrator's definitions, possibly empty
   */
  GuardPolicies(Supplier<String> defaultPolicy, Supplier<String> definitions) {
    this.defaultPolicy = Objects.requireNonNull(defaultPolicy, "defaultPolicy must not be null");
    this.definitions = Objects.requireNonNull(definitions, "definitions must not be null");
  }

  /** Returns the presets only, with {@code default} meaning the built-in default. */
  static GuardPolicies builtIn() {
    return new GuardPolicies(() -> NamedPolicies.DEFAULT, () -> "");
  }

  /**
   * Returns the policy a guard naming {@code name} runs under.
   *
   * @throws IllegalArgumentException when the name is unknown (listing the known ones) or the
   *     administrator's definitions do not parse (saying which line)
   */
  RepairPolicy resolve(String name) {
    NamedPolicies named = named();
    String wanted = name;
    if (NamedPolicies.DEFAULT.equals(name)) {
      String configured = defaultPolicy.get();
      wanted = configured == null || configured.isBlank() ? NamedPolicies.DEFAULT : configured;
    }
    return named.get(wanted);
  }

  private NamedPolicies named() {
    String text = Objects.requireNonNullElse(definitions.get(), "");
    Parsed p = parsed;
    if (p == null || !p.definitions().equals(text)) {
      try {
        p = new Parsed(text, NamedPolicies.builtInPlus(text), null);
      } catch (IllegalArgumentException e) {
        p = new Parsed(text, null, e);
      }
      parsed = p;
    }
    if (p.error() != null) {
      throw new IllegalArgumentException(
          "the custom repair policies (Manage Jenkins → System → Pipeline Guard) are invalid: "
              + p.error().getMessage(),
          p.error());
    }
    return p.named();
  }
}
