package io.pipelineguard.jenkins;

import io.pipelineguard.diagnosis.Category;
import java.util.Arrays;
import java.util.List;

/** Taxonomy category names as forms and step options spell them. */
final class Categories {
  private Categories() {}

  /** Parses a wire name ({@code test_failure}), with a message listing the known ones. */
  static Category parse(String name) {
    return Category.fromWireName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown category '" + name + "'; known: " + String.join(", ", wireNames())));
  }

  /** Returns all wire names in taxonomy order. */
  static List<String> wireNames() {
    return Arrays.stream(Category.values()).map(Category::wireName).toList();
  }
}
