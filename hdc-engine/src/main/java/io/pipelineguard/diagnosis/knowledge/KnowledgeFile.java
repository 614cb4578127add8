package io.pipelineguard.diagnosis.knowledge;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.pipelineguard.diagnosis.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the knowledge file format shared by the built-in patterns and user rules: INI-like
 * sections, one per indication.
 *
 * <pre>
 * # comment
 * [network.connection-refused]
 * category = network          # a taxonomy name, or "none" for evidence-only signs
 * weight = 3                  # default 1; negative for lines that only look like errors
 * trigger = connection refused | econnrefused
 * regex = (?i)connection (was )?refused|econnrefused      # optional, RE2 syntax
 * transient = true            # optional override of the category's retry default
 * scope = line                # optional: "command" matches the failing step's command instead
 * </pre>
 *
 * <p>A section without {@code trigger} must have a {@code regex}, which then runs on every line
 * (slower). Limits: 1 MiB of text, 5000 sections, 1000 characters a regex.
 */
public final class KnowledgeFile {
  private static final int MAX_CHARS = 1 << 20;
  private static final int MAX_SECTIONS = 5000;
  private static final int MAX_REGEX = 1000;

  private KnowledgeFile() {}

  /**
   * Parses a knowledge file.
   *
   * @param name file name for error messages
   * @throws KnowledgeFormatException with file and line when the content is malformed
   * @throws IOException when reading fails
   */
  public static List<Indication> parse(Reader reader, String name, Indication.Source source)
      throws IOException {
    BufferedReader in = new BufferedReader(reader);
    List<Indication> result = new ArrayList<>();
    Map<String, String> fields = null;
    String id = null;
    int sectionLine = 0;
    long chars = 0;
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      chars += line.length() + 1;
      if (chars > MAX_CHARS) {
        throw new KnowledgeFormatException(name + ": larger than " + MAX_CHARS + " characters");
      }
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.startsWith("[")) {
        if (!trimmed.endsWith("]") || trimmed.length() < 3) {
          throw new KnowledgeFormatException(name + ":" + lineNo + ": malformed section header");
        }
        if (fields != null) {
          result.add(build(id, fields, name, sectionLine, source));
        }
        if (result.size() >= MAX_SECTIONS) {
          throw new KnowledgeFormatException(name + ": more than " + MAX_SECTIONS + " sections");
        }
        id = trimmed.substring(1, trimmed.length() - 1).strip();
        fields = new LinkedHashMap<>();
        sectionLine = lineNo;
        continue;
      }
      int eq = trimmed.indexOf('=');
      if (eq <= 0 || fields == null) {
        throw new KnowledgeFormatException(
            name + ":" + lineNo + ": expected 'key = value' inside a [section]");
      }
      String key = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = trimmed.substring(eq + 1).strip();
      if (!key.equals("regex")) {
        int hash = value.indexOf(" #");
        if (hash >= 0) {
          value = value.substring(0, hash).strip();
        }
      }
      if (fields.put(key, value) != null) {
        throw new KnowledgeFormatException(name + ":" + lineNo + ": duplicate key '" + key + "'");
      }
    }
    if (fields != null) {
      result.add(build(id, fields, name, sectionLine, source));
    }
    return result;
  }

  private static Indication build(
      String id, Map<String, String> f, String name, int line, Indication.Source source) {
    String where = name + ":" + line + " [" + id + "]: ";
    for (String key : f.keySet()) {
      if (!List.of("category", "weight", "trigger", "regex", "transient", "description", "scope")
          .contains(key)) {
        throw new KnowledgeFormatException(where + "unknown key '" + key + "'");
      }
    }
    String cat = f.get("category");
    if (cat == null) {
      throw new KnowledgeFormatException(where + "missing 'category'");
    }
    Optional<Category> category;
    if (cat.equalsIgnoreCase("none")) {
      category = Optional.empty();
    } else {
      category = Category.fromWireName(cat);
      if (category.isEmpty()) {
        throw new KnowledgeFormatException(where + "unknown category '" + cat + "'");
      }
    }
    double weight = 1.0;
    if (f.containsKey("weight")) {
      try {
        weight = Double.parseDouble(f.get("weight"));
      } catch (NumberFormatException e) {
        throw new KnowledgeFormatException(where + "weight is not a number: " + f.get("weight"));
      }
      if (!Double.isFinite(weight) || Math.abs(weight) > 100) {
        throw new KnowledgeFormatException(where + "weight must be within +-100");
      }
    }
    List<String> triggers = new ArrayList<>();
    if (f.containsKey("trigger")) {
      for (String t : f.get("trigger").split("\\|")) {
        String s = t.strip().toLowerCase(Locale.ROOT);
        if (!s.isEmpty()) {
          triggers.add(s);
        }
      }
    }
    Optional<Pattern> regex = Optional.empty();
    String rx = f.get("regex");
    if (rx != null) {
      if (rx.length() > MAX_REGEX) {
        throw new KnowledgeFormatException(where + "regex longer than " + MAX_REGEX);
      }
      try {
        regex = Optional.of(Pattern.compile(rx));
      } catch (PatternSyntaxException e) {
        throw new KnowledgeFormatException(where + "invalid regex: " + e.getMessage());
      }
    }
    if (triggers.isEmpty()) {
      if (regex.isEmpty()) {
        throw new KnowledgeFormatException(where + "needs a 'trigger' or a 'regex'");
      }
      triggers.add(KnowledgeBase.ALWAYS);
    }
    Optional<Boolean> transientOverride = Optional.empty();
    String tr = f.get("transient");
    if (tr != null) {
      if (!tr.equals("true") && !tr.equals("false")) {
        throw new KnowledgeFormatException(where + "transient must be true or false");
      }
      transientOverride = Optional.of(Boolean.parseBoolean(tr));
    }
    Indication.Scope scope = Indication.Scope.LINE;
    String sc = f.get("scope");
    if (sc != null) {
      if (sc.equals("command")) {
        scope = Indication.Scope.COMMAND;
      } else if (!sc.equals("line")) {
        throw new KnowledgeFormatException(where + "scope must be line or command");
      }
    }
    return new Indication(id, category, weight, triggers, regex, transientOverride, source, scope);
  }
}
