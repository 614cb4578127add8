package io.pipelineguard.hdc.io;

import io.pipelineguard.hdc.AssociativeMemory;
import io.pipelineguard.hdc.BundleAccumulator;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.Hypervector;
import io.pipelineguard.hdc.StableHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Versioned binary file format for hypervectors and associative memories. All integers are
 * big-endian.
 *
 * <pre>
 * offset  size  field
 *      0     4  magic "PGHV" (0x50 0x47 0x48 0x56)
 *      4     2  format version (1)
 *      6     1  kind: 1 = vectors, 2 = associative memory
 *      7     1  StableHash version the item vectors were derived with (1)
 *      8     4  dimension in bits (positive multiple of 64, at most Dimension.MAX_BITS)
 *     12     4  count: number of vectors, or number of labels
 *     16     8  payload length P in bytes
 *     24     P  payload
 *   24+P     4  CRC32C of bytes [0, 24+P)
 *
 * vectors payload: count x (D/64 x int64 words)                    P = count * D/8 exactly
 * memory payload:  count x { uint16 n; n bytes UTF-8 label; int64 total weight;
 *                            D x int32 counters }
 * </pre>
 *
 * <p>Memories persist the integer accumulators (not only the binary prototypes), so learning can
 * continue after a reload; the binary copies are recomputed on load and are bit-identical.
 *
 * <p><b>Reading untrusted input.</b> Readers validate the header before allocating, bound every
 * size ({@code count}, {@code P} at most {@code maxPayloadBytes}, default {@value
 * #DEFAULT_MAX_PAYLOAD_BYTES}), read the payload in chunks (a short stream never causes a large
 * allocation), verify the checksum before parsing, and check that the payload is consumed exactly,
 * labels are valid UTF-8, unique and non-empty, and accumulators consistent. Any problem throws
 * {@link InvalidHypervectorFormatException}; no partially loaded object is ever returned.
 *
 * <p>Stateless and thread-safe. Cost: linear in the file size; writing a memory copies each
 * accumulator once.
 */
public final class HypervectorFormat {
  /** The 4 magic bytes "PGHV" as a big-endian int. */
  public static final int MAGIC = 0x50474856;

  /** Current format version. */
  public static final int VERSION = 1;

  /** Kind byte of a vector file. */
  public static final int KIND_VECTORS = 1;

  /** Kind byte of an associative-memory file. */
  public static final int KIND_MEMORY = 2;

  /** Default upper bound on the payload length accepted by readers (1 GiB). */
  public static final long DEFAULT_MAX_PAYLOAD_BYTES = 1L << 30;

  /** Header length in bytes. */
  static final int HEADER_BYTES = 24;

  private static final int MAX_LABEL_BYTES = 4 * AssociativeMemory.MAX_LABEL_LENGTH;

  private HypervectorFormat() {}

  // ---------------------------------------------------------------- writing

  /** Writes one vector as a vector file with count 1. */
  public static void writeVector(OutputStream out, Hypervector vector) throws IOException {
    writeVectors(out, List.of(vector));
  }

  /**
   * Writes {@code vectors} (all of one dimension; at least one) as a vector file.
   *
   * @throws IllegalArgumentException if the list is empty or dimensions differ
   */
  public static void writeVectors(OutputStream out, List<Hypervector> vectors) throws IOException {
    Objects.requireNonNull(out, "out must not be null");
    Objects.requireNonNull(vectors, "vectors must not be null");
    if (vectors.isEmpty()) {
      throw new IllegalArgumentException("vectors must not be empty");
    }
    Dimension dim = vectors.get(0).dimension();
    long payload = (long) vectors.size() * dim.bytes();
    ByteBuffer buf = allocate(payload);
    writeHeader(buf, KIND_VECTORS, dim, vectors.size(), payload);
    for (Hypervector v : vectors) {
      if (!v.dimension().equals(dim)) {
        throw new IllegalArgumentException(
            "dimension mismatch: expected " + dim.bits() + " bits, was " + v.dimension().bits());
      }
      for (int i = 0; i < dim.words(); i++) {
        buf.putLong(v.word(i));
      }
    }
    finish(out, buf);
  }

  /**
   * Writes {@code memory} (labels, total weights and integer counters). For a {@code
   * ConcurrentAssociativeMemory} pass its {@code snapshot()}.
   */
  public static void writeMemory(OutputStream out, AssociativeMemory memory) throws IOException {
    Objects.requireNonNull(out, "out must not be null");
    Objects.requireNonNull(memory, "memory must not be null");
    Dimension dim = memory.dimension();
    List<String> labels = memory.labels();
    List<byte[]> encoded = new ArrayList<>(labels.size());
    long payload = 0;
    for (String label : labels) {
      byte[] b = label.getBytes(StandardCharsets.UTF_8);
      encoded.add(b);
      payload += 2 + b.length + 8 + 4L * dim.bits();
    }
    ByteBuffer buf = allocate(payload);
    writeHeader(buf, KIND_MEMORY, dim, labels.size(), payload);
    for (int r = 0; r < labels.size(); r++) {
      byte[] b = encoded.get(r);
      BundleAccumulator acc = memory.accumulator(labels.get(r)).orElseThrow();
      buf.putShort((short) b.length).put(b).putLong(acc.count());
      for (int c : acc.copyCounts()) {
        buf.putInt(c);
      }
    }
    finish(out, buf);
  }

  /** Returns {@link #writeVectors} as a byte array. */
  public static byte[] vectorsToBytes(List<Hypervector> vectors) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeVectors(out, vectors);
    } catch (IOException e) {
      throw new IllegalStateException("ByteArrayOutputStream cannot fail", e);
    }
    return out.toByteArray();
  }

  /** Returns {@link #writeMemory} as a byte array. */
  public static byte[] memoryToBytes(AssociativeMemory memory) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeMemory(out, memory);
    } catch (IOException e) {
      throw new IllegalStateException("ByteArrayOutputStream cannot fail", e);
    }
    return out.toByteArray();
  }

  private static ByteBuffer allocate(long payload) {
    long total = HEADER_BYTES + payload + 4;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too large to serialise: " + total + " bytes");
    }
    return ByteBuffer.allocate((int) total);
  }

  private static void writeHeader(
      ByteBuffer buf, int kind, Dimension dim, int count, long payload) {
    buf.putInt(MAGIC)
        .putShort((short) VERSION)
        .put((byte) kind)
        .put((byte) StableHash.VERSION)
        .putInt(dim.bits())
        .putInt(count)
        .putLong(payload);
  }

  private static void finish(OutputStream out, ByteBuffer buf) throws IOException {
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), 0, buf.position());
    buf.putInt((int) crc.getValue());
    out.write(buf.array(), 0, buf.position());
  }

  // ---------------------------------------------------------------- reading

  /** Reads a vector file holding exactly one vector. */
  public static Hypervector readVector(InputStream in) throws IOException {
    List<Hypervector> vs = readVectors(in);
    if (vs.size() != 1) {
      throw new InvalidHypervectorFormatException(
          "expected a file with 1 vector, found " + vs.size());
    }
    return vs.get(0);
  }

  /** Reads one vector file from {@code in} with the default payload limit. */
  public static List<Hypervector> readVectors(InputStream in) throws IOException {
    return readVectors(in, DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /**
   * Reads one vector file from {@code in}, consuming exactly its bytes.
   *
   * @param maxPayloadBytes largest accepted payload length
   * @throws InvalidHypervectorFormatException if the bytes are not a valid vector file
   */
  public static List<Hypervector> readVectors(InputStream in, long maxPayloadBytes)
      throws IOException {
    Frame f = readFrame(in, KIND_VECTORS, maxPayloadBytes);
    long expected = (long) f.count * f.dimension.bytes();
    if (f.payload.remaining() != expected) {
      throw new InvalidHypervectorFormatException(
          "payload length " + f.payload.remaining() + " != count x D/8 = " + expected);
    }
    List<Hypervector> out = new ArrayList<>(f.count);
    long[] words = new long[f.dimension.words()];
    for (int i = 0; i < f.count; i++) {
      for (int j = 0; j < words.length; j++) {
        words[j] = f.payload.getLong();
      }
      out.add(Hypervector.fromWords(f.dimension, words));
    }
    return List.copyOf(out);
  }

  /** Reads one associative-memory file from {@code in} with the default payload limit. */
  public static AssociativeMemory readMemory(InputStream in) throws IOException {
    return readMemory(in, DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /**
   * Reads one associative-memory file from {@code in}, consuming exactly its bytes, and returns a
   * memory that has passed {@link AssociativeMemory#validate()}.
   *
   * @throws InvalidHypervectorFormatException if the bytes are not a valid memory file
   */
  public static AssociativeMemory readMemory(InputStream in, long maxPayloadBytes)
      throws IOException {
    Frame f = readFrame(in, KIND_MEMORY, maxPayloadBytes);
    ByteBuffer p = f.payload;
    long minEntry = 2 + 1 + 8 + 4L * f.dimension.bits();
    if ((long) f.count * minEntry > p.remaining()) {
      throw new InvalidHypervectorFormatException(
          "payload of " + p.remaining() + " bytes cannot hold " + f.count + " labels");
    }
    AssociativeMemory memory = new AssociativeMemory(f.dimension);
    Set<String> seen = new HashSet<>();
    int[] counts = new int[f.dimension.bits()];
    try {
      for (int r = 0; r < f.count; r++) {
        int n = Short.toUnsignedInt(p.getShort());
        if (n == 0 || n > MAX_LABEL_BYTES) {
          throw new InvalidHypervectorFormatException(
              "label " + r + " has invalid length " + n + " bytes");
        }
        byte[] b = new byte[n];
        p.get(b);
        String label = decodeUtf8(b, r);
        if (!seen.add(label)) {
          throw new InvalidHypervectorFormatException("duplicate label '" + label + "'");
        }
        long total = p.getLong();
        for (int i = 0; i < counts.length; i++) {
          counts[i] = p.getInt();
        }
        memory.putAccumulator(label, BundleAccumulator.fromCounts(f.dimension, counts, total));
      }
    } catch (BufferUnderflowException e) {
      throw new InvalidHypervectorFormatException("payload ends inside a memory entry", e);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidHypervectorFormatException("invalid memory entry: " + e.getMessage(), e);
    }
    if (p.hasRemaining()) {
      throw new InvalidHypervectorFormatException(
          p.remaining() + " unexpected bytes after the last memory entry");
    }
    try {
      memory.validate();
    } catch (IllegalStateException e) {
      throw new InvalidHypervectorFormatException("loaded memory is invalid: " + e.getMessage(), e);
    }
    return memory;
  }

  /** Reads a vector file from a byte array that must contain exactly one file. */
  public static List<Hypervector> vectorsFromBytes(byte[] bytes) throws IOException {
    ByteArrayInputStreamWithRemaining in = new ByteArrayInputStreamWithRemaining(bytes);
    List<Hypervector> v = readVectors(in);
    in.requireFullyRead();
    return v;
  }

  /** Reads a memory file from a byte array that must contain exactly one file. */
  public static AssociativeMemory memoryFromBytes(byte[] bytes) throws IOException {
    ByteArrayInputStreamWithRemaining in = new ByteArrayInputStreamWithRemaining(bytes);
    AssociativeMemory m = readMemory(in);
    in.requireFullyRead();
    return m;
  }

  private record Frame(Dimension dimension, int count, ByteBuffer payload) {}

  private static Frame readFrame(InputStream in, int expectedKind, long maxPayloadBytes)
      throws IOException {
    Objects.requireNonNull(in, "in must not be null");
    byte[] header = in.readNBytes(HEADER_BYTES);
    if (header.length < HEADER_BYTES) {
      throw new InvalidHypervectorFormatException(
          "truncated header: " + header.length + " of " + HEADER_BYTES + " bytes");
    }
    ByteBuffer h = ByteBuffer.wrap(header);
    int magic = h.getInt();
    if (magic != MAGIC) {
      throw new InvalidHypervectorFormatException(
          "not a hypervector file: magic 0x"
              + Integer.toHexString(magic)
              + ", expected 0x50474856");
    }
    int version = Short.toUnsignedInt(h.getShort());
    if (version != VERSION) {
      throw new InvalidHypervectorFormatException(
          "unsupported format version " + version + ", this build reads version " + VERSION);
    }
    int kind = Byte.toUnsignedInt(h.get());
    if (kind != expectedKind) {
      throw new InvalidHypervectorFormatException(
          "file kind " + kind + " where kind " + expectedKind + " was expected");
    }
    int hashVersion = Byte.toUnsignedInt(h.get());
    if (hashVersion != StableHash.VERSION) {
      throw new InvalidHypervectorFormatException(
          "item vectors were derived with StableHash version "
              + hashVersion
              + ", this build uses version "
              + StableHash.VERSION);
    }
    int bits = h.getInt();
    Dimension dimension;
    try {
      dimension = Dimension.of(bits);
    } catch (IllegalArgumentException e) {
      throw new InvalidHypervectorFormatException("invalid dimension: " + e.getMessage(), e);
    }
    int count = h.getInt();
    if (count < 0) {
      throw new InvalidHypervectorFormatException("negative count " + count);
    }
    long payloadBytes = h.getLong();
    long limit = Math.min(maxPayloadBytes, Integer.MAX_VALUE - 8L - HEADER_BYTES - 4L);
    if (payloadBytes < 0 || payloadBytes > limit) {
      throw new InvalidHypervectorFormatException(
          "payload length " + payloadBytes + " bytes outside [0, " + limit + "]");
    }
    // readNBytes grows its buffer as data arrives, so a lying header on a short stream does not
    // allocate the declared size up front.
    byte[] payload = in.readNBytes((int) payloadBytes);
    if (payload.length < payloadBytes) {
      throw new InvalidHypervectorFormatException(
          "truncated payload: " + payload.length + " of " + payloadBytes + " bytes");
    }
    byte[] trailer = in.readNBytes(4);
    if (trailer.length < 4) {
      throw new InvalidHypervectorFormatException("truncated checksum");
    }
    CRC32C crc = new CRC32C();
    crc.update(header);
    crc.update(payload);
    int stored = ByteBuffer.wrap(trailer).getInt();
    if (stored != (int) crc.getValue()) {
      throw new InvalidHypervectorFormatException(
          "checksum mismatch: stored 0x"
              + Integer.toHexString(stored)
              + ", computed 0x"
              + Long.toHexString(crc.getValue()));
    }
    return new Frame(dimension, count, ByteBuffer.wrap(payload));
  }

  private static String decodeUtf8(byte[] b, int index) throws InvalidHypervectorFormatException {
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(b));
      String label = chars.toString();
      if (label.length() > AssociativeMemory.MAX_LABEL_LENGTH) {
        throw new InvalidHypervectorFormatException("label " + index + " is too long");
      }
      return label;
    } catch (CharacterCodingException e) {
      throw new InvalidHypervectorFormatException("label " + index + " is not valid UTF-8", e);
    }
  }

  /** A byte-array stream that can tell whether it was consumed completely. */
  private static final class ByteArrayInputStreamWithRemaining
      extends java.io.ByteArrayInputStream {
    ByteArrayInputStreamWithRemaining(byte[] bytes) {
      super(Objects.requireNonNull(bytes, "bytes must not be null"));
    }

    void requireFullyRead() throws InvalidHypervectorFormatException {
      if (available() > 0) {
        throw new InvalidHypervectorFormatException(
            available() + " unexpected bytes after the end of the file");
      }
    }
  }
}
