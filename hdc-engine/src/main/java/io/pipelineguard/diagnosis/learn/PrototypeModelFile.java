package io.pipelineguard.diagnosis.learn;

import io.pipelineguard.diagnosis.Category;
import io.pipelineguard.hdc.AssociativeMemory;
import io.pipelineguard.hdc.BundleAccumulator;
import io.pipelineguard.hdc.Dimension;
import io.pipelineguard.hdc.StableHash;
import io.pipelineguard.hdc.io.HypervectorFormat;
import io.pipelineguard.hdc.io.InvalidHypervectorFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Binary file of a learned {@link HdcPrototypes} model. Big-endian:
 *
 * <pre>
 * offset size field
 *      0    4 magic "PGLP"
 *      4    2 model format version (1)
 *      6    1 StableHash version the item vectors were derived with
 *      7    1 reserved (0)
 *      8    4 dimension in bits
 *     12    8 item-vector seed
 *     20    4 templates encoded per failure
 *     24    8 online learning rate (IEEE 754 double)
 *     32    4 length M of the embedded memory
 *     36    M HDC core memory file (HypervectorFormat, kind 2): one label per category wire
 *             name, integer counters
 *   36+M    4 CRC32C of bytes [0, 36+M)
 * </pre>
 *
 * <p>Readers check magic, versions, checksum, sizes (at most {@value #MAX_MEMORY_BYTES} bytes of
 * memory), that the embedded dimension equals the header's and that every label is a category; any
 * problem throws {@link InvalidHypervectorFormatException}. Stateless; cost linear in the size (≈
 * 41 KiB per category at D = 10,240).
 */
public final class PrototypeModelFile {
  /** "PGLP" as a big-endian int. */
  public static final int MAGIC = 0x50474C50;

  /** Current model format version. */
  public static final int VERSION = 1;

  /** Largest accepted embedded memory. */
  public static final int MAX_MEMORY_BYTES = 64 << 20;

  private static final int HEADER_BYTES = 36;

  private PrototypeModelFile() {}

  /** Writes the model. */
  public static void write(OutputStream out, HdcPrototypes model) throws IOException {
    FailureEncoder enc = model.encoder();
    AssociativeMemory memory = new AssociativeMemory(enc.dimension());
    for (Map.Entry<Category, BundleAccumulator> e : model.accumulators().entrySet()) {
      memory.putAccumulator(e.getKey().wireName(), e.getValue());
    }
    byte[] mem = HypervectorFormat.memoryToBytes(memory);
    ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + mem.length + 4);
    buf.putInt(MAGIC)
        .putShort((short) VERSION)
        .put((byte) StableHash.VERSION)
        .put((byte) 0)
        .putInt(enc.dimension().bits())
        .putLong(enc.seed())
        .putInt(enc.maxTemplates())
        .putDouble(model.onlineRate())
        .putInt(mem.length)
        .put(mem);
    CRC32C crc = new CRC32C();
    crc.update(buf.array(), 0, buf.position());
    buf.putInt((int) crc.getValue());
    out.write(buf.array());
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @throws InvalidHypervectorFormatException when the bytes are not a valid model
   */
  public static HdcPrototypes read(InputStream in) throws IOException {
    byte[] header = in.readNBytes(HEADER_BYTES);
    if (header.length < HEADER_BYTES) {
      throw new InvalidHypervectorFormatException("truncated model header");
    }
    ByteBuffer h = ByteBuffer.wrap(header);
    if (h.getInt() != MAGIC) {
      throw new InvalidHypervectorFormatException("not a prototype model file (bad magic)");
    }
    int version = Short.toUnsignedInt(h.getShort());
    if (version != VERSION) {
      throw new InvalidHypervectorFormatException("unsupported model version " + version);
    }
    int hashVersion = Byte.toUnsignedInt(h.get());
    if (hashVersion != StableHash.VERSION) {
      throw new InvalidHypervectorFormatException(
          "model was made with StableHash version " + hashVersion);
    }
    h.get();
    int bits = h.getInt();
    long seed = h.getLong();
    int maxTemplates = h.getInt();
    double rate = h.getDouble();
    int length = h.getInt();
    if (length < 0 || length > MAX_MEMORY_BYTES) {
      throw new InvalidHypervectorFormatException("embedded memory length " + length);
    }
    byte[] rest = in.readNBytes(length + 4);
    if (rest.length != length + 4) {
      throw new InvalidHypervectorFormatException("truncated model file");
    }
    CRC32C crc = new CRC32C();
    crc.update(header);
    crc.update(rest, 0, length);
    int stored = ByteBuffer.wrap(rest, length, 4).getInt();
    if (stored != (int) crc.getValue()) {
      throw new InvalidHypervectorFormatException("model checksum mismatch (file corrupted)");
    }
    HdcPrototypes model;
    try {
      Dimension dim = Dimension.of(bits);
      model = new HdcPrototypes(new FailureEncoder(dim, seed, maxTemplates), rate);
    } catch (IllegalArgumentException e) {
      throw new InvalidHypervectorFormatException("invalid model header: " + e.getMessage(), e);
    }
    byte[] mem = new byte[length];
    System.arraycopy(rest, 0, mem, 0, length);
    AssociativeMemory memory = HypervectorFormat.memoryFromBytes(mem);
    if (memory.dimension().bits() != bits) {
      throw new InvalidHypervectorFormatException(
          "memory has " + memory.dimension().bits() + " bits, header says " + bits);
    }
    for (String label : memory.labels()) {
      Optional<Category> c = Category.fromWireName(label);
      if (c.isEmpty()) {
        throw new InvalidHypervectorFormatException("unknown category label '" + label + "'");
      }
      model.put(c.get(), memory.accumulator(label).orElseThrow());
    }
    return model;
  }
}
