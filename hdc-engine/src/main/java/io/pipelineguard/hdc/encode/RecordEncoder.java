package io.pipelineguard.hdc.encode;

import io.pipelineguard.hdc.BundleAccumulator;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import io.pipelineguard.hdc.ItemMemory;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes a key-value record as the bundle of its bound fields, {@code ⊕_k key(k) ⊗ value_k}
 * (torchhd {@code hash_table}, the ID-level encoding of HDC research notes §5.6). Keys get item
 * vectors from the key namespace; values are any hypervectors (levels, circular levels, or {@link
 * #categorical} item vectors). Because XOR is self-inverse, {@code record ⊗ key(k)} is close to
 * {@code value_k} (unbinding), as long as the record has few enough fields (bundle capacity).
 *
 * <p>Immutable and thread-safe. Cost: one bind and one accumulator pass per field; the result of a
 * bundle is independent of the map's iteration order.
 */
public final class RecordEncoder {
  /** Default namespace of keys. */
  public static final String DEFAULT_KEY_NAMESPACE = "key";

  /** Default namespace of categorical values. */
  public static final String DEFAULT_VALUE_NAMESPACE = "val";

  private final ItemMemory items;
  private final String keyNamespace;
  private final String valueNamespace;

  /** Creates an encoder using the default namespaces "key" and "val". */
  public RecordEncoder(ItemMemory items) {
    this(items, DEFAULT_KEY_NAMESPACE, DEFAULT_VALUE_NAMESPACE);
  }

  /** Creates an encoder with explicit key and categorical-value namespaces. */
  public RecordEncoder(ItemMemory items, String keyNamespace, String valueNamespace) {
    this.items = Objects.requireNonNull(items, "items must not be null");
    this.keyNamespace = Objects.requireNonNull(keyNamespace, "keyNamespace must not be null");
    this.valueNamespace = Objects.requireNonNull(valueNamespace, "valueNamespace must not be null");
  }

  /** Returns the dimension. */
  public Dimension dimension() {
    return items.dimension();
  }

  /** Returns the key vector of {@code key}. */
  public Hypervector key(String key) {
    return items.vector(keyNamespace, key);
  }

  /** Returns the item vector of a categorical value (runner name, exit code, stage). */
  public Hypervector categorical(String value) {
    return items.vector(valueNamespace, value);
  }

  /** Returns {@code key(key) ⊗ value}. */
  public Hypervector field(String key, Hypervector value) {
    return key(key).bind(value);
  }

  /**
   * Returns the bundle of {@code key ⊗ value} over all fields.
   *
   * @throws IllegalArgumentException if {@code fields} is empty or a dimension differs
   */
  public Hypervector encode(Map<String, Hypervector> fields) {
    Objects.requireNonNull(fields, "fields must not be null");
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("fields must not be empty");
    }
    BundleAccumulator acc = new BundleAccumulator(dimension());
    accumulate(fields, acc, 1);
    return acc.toHypervector();
  }

  /** Adds {@code key ⊗ value} of every field to {@code target} with the given weight. */
  public void accumulate(Map<String, Hypervector> fields, BundleAccumulator target, int weight) {
    Objects.requireNonNull(fields, "fields must not be null");
    Objects.requireNonNull(target, "target must not be null");
    for (Map.Entry<String, Hypervector> e : fields.entrySet()) {
      target.add(field(e.getKey(), e.getValue()), weight);
    }
  }
}
