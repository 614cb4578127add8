package io.pipelineguard.bridge.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a payload a source reads, as a tree of field names ({@code "workflow_job.id"} names
 * field {@code id} of object {@code workflow_job}). {@link PayloadParser#parse(byte[],
 * PayloadShape)} keeps only these fields, so the intake does not build the whole tree of a large
 * body. {@link #WHOLE} keeps everything. Immutable.
 */
public final class PayloadShape {
  /** Keeps the whole payload. */
  public static final PayloadShape WHOLE = new PayloadShape(null);

  private static final PayloadShape LEAF = new PayloadShape(Map.of());

  /** Child shapes by field name; empty for a kept scalar; null for the whole subtree. */
  private final Map<String, PayloadShape> fields;

  private PayloadShape(Map<String, PayloadShape> fields) {
    this.fields = fields;
  }

  /**
   * Returns the shape keeping the given dotted paths (and nothing else).
   *
   * @throws IllegalArgumentException when a path is empty or has an empty part
   */
  public static PayloadShape of(String... paths) {
    Builder root = new Builder();
    for (String path : paths) {
      Objects.requireNonNull(path, "path must not be null");
      Builder at = root;
      for (String part : path.split("\\.", -1)) {
        if (part.isEmpty()) {
          throw new IllegalArgumentException("empty part in payload path '" + path + "'");
        }
        at = at.children.computeIfAbsent(part, p -> new Builder());
      }
    }
    return root.build();
  }

  /** Returns true when the whole payload is kept. */
  public boolean isWhole() {
    return fields == null;
  }

  /** Returns true when this field is kept as a scalar only (an object or array there is not). */
  boolean isLeaf() {
    return fields != null && fields.isEmpty();
  }

  /** Returns the shape of field {@code name}, or null when it is not kept. */
  PayloadShape field(String name) {
    return fields == null ? WHOLE : fields.get(name);
  }

  private static final class Builder {
    private final Map<String, Builder> children = new HashMap<>();

    PayloadShape build() {
      if (children.isEmpty()) {
        return LEAF;
      }
      Map<String, PayloadShape> built = new HashMap<>();
      children.forEach((name, child) -> built.put(name, child.build()));
      return new PayloadShape(Map.copyOf(built));
    }
  }
}
