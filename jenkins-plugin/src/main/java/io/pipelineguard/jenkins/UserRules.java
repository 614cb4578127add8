package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The administrator's own failure rules, kept in {@code rules.tsv} beside the ledger. At most
 * {@link #MAX_RULES}; thread-safe; read on first use, rewritten atomically on change.
 */
public final class UserRules {
  /** Most rules kept. */
  public static final int MAX_RULES = 200;

  private static final String FILE = "rules.tsv";

  private final Path dir;
  private final LinkedHashMap<String, UserRule> rules = new LinkedHashMap<>();
  private boolean loaded;

  /** Creates the rule set kept in {@code dir}. */
  public UserRules(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir must not be null");
  }

  /** Returns the rules in the order they were first added. */
  public synchronized List<UserRule> all() {
    load();
    return List.copyOf(rules.values());
  }

  /** Adds a rule, or replaces the rule of the same name. */
  public synchronized void put(UserRule rule) {
    load();
    if (!rules.containsKey(rule.name()) && rules.size() >= MAX_RULES) {
      throw new IllegalStateException("at most " + MAX_RULES + " rules; delete one first");
    }
    rules.put(rule.name(), rule);
    save();
  }

  /** Removes the rule of that name; returns whether there was one. */
  public synchronized boolean remove(String name) {
    load();
    boolean removed = rules.remove(name) != null;
    if (removed) {
      save();
    }
    return removed;
  }

  private void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t", -1);
        if (f.length != 3) {
          continue;
        }
        try {
          Category c = Category.fromWireName(f[1]).orElseThrow();
          UserRule r = new UserRule(GuardLedger.unescape(f[0]), c, GuardLedger.unescape(f[2]));
          rules.put(r.name(), r);
        } catch (RuntimeException e) {
          // A damaged or no longer valid rule is skipped; the others still load.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  private void save() {
    List<String> lines = new ArrayList<>();
    for (UserRule r : rules.values()) {
      lines.add(
          GuardLedger.escape(r.name())
              + "\t"
              + r.category().wireName()
              + "\t"
              + GuardLedger.escape(r.pattern()));
    }
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    AtomicTextFile.write(dir.resolve(FILE), text);
  }
}
