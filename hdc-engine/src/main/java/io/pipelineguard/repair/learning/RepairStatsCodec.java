package io.pipelineguard.repair.learning;

import io.pipelineguard.repair.RepairStrategy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A versioned, checksummed text form of repair statistics, for stores that keep bytes (files,
 * blobs). Input from outside is untrusted: {@link #decode(byte[])} checks the header, the version,
 * the entry count, every field and the CRC-32 before returning anything.
 *
 * <pre>
 * pipeline-guard-repair-stats v1
 * entries 2
 * C&#9;network&#9;retry_with_backoff&#9;9&#9;1&#9;8.5&#9;0.9&#9;1700000000000
 * P&#9;ci\u001fnetwork:clone&#9;clean_retry&#9;1&#9;0&#9;1.0&#9;0.0&#9;1700000000000
 * crc32 1a2b3c4d
 * </pre>
 *
 * <p>Fields are tab-separated: scope ({@code C} or {@code P}), key (with {@code \\}, tab, CR and LF
 * escaped as {@code \\\\}, {@code \\t}, {@code \\r}, {@code \\n}), strategy wire name, successes,
 * failures, weighted successes, weighted failures, last update in epoch milliseconds. The CRC-32
 * covers every byte before the {@code crc32} line. Encoding and decoding are linear in the size.
 */
public final class RepairStatsCodec {
  /** First line of every encoding. */
  public static final String HEADER = "pipeline-guard-repair-stats v1";

  /** Largest accepted encoding, in bytes: 64 MiB. */
  public static final int MAX_BYTES = 64 << 20;

  /** Most entries accepted in one encoding. */
  public static final int MAX_ENTRIES = 1_000_000;

  private RepairStatsCodec() {}

  /** Encodes {@code statistics} in the order given. */
  public static byte[] encode(Map<StatsKey, StrategyStats> statistics) {
    StringBuilder sb = new StringBuilder(64 + statistics.size() * 96);
    sb.append(HEADER).append('\n');
    sb.append("entries ").append(statistics.size()).append('\n');
    for (Map.Entry<StatsKey, StrategyStats> e : statistics.entrySet()) {
      StatsKey k = e.getKey();
      StrategyStats s = e.getValue();
      sb.append(k.scope() == StatsKey.Scope.CATEGORY ? 'C' : 'P')
          .append('\t')
          .append(escape(k.key()))
          .append('\t')
          .append(k.strategy().wireName())
          .append('\t')
          .append(s.successes())
          .append('\t')
          .append(s.failures())
          .append('\t')
          .append(s.weightedSuccesses())
          .append('\t')
          .append(s.weightedFailures())
          .append('\t')
          .append(s.updatedAt().toEpochMilli())
          .append('\n');
    }
    byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(body);
    byte[] trailer =
        String.format("crc32 %08x", crc.getValue()).concat("\n").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[body.length + trailer.length];
    System.arraycopy(body, 0, out, 0, body.length);
    System.arraycopy(trailer, 0, out, body.length, trailer.length);
    return out;
  }

  /**
   * Decodes an encoding made by {@link #encode(Map)}.
   *
   * @throws InvalidRepairStatsFormatException if the bytes are too large, truncated, of another
   *     version, fail the checksum, or hold a malformed or duplicate entry
   */
  public static Map<StatsKey, StrategyStats> decode(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new InvalidRepairStatsFormatException(
          "repair statistics are " + bytes.length + " bytes, the limit is " + MAX_BYTES);
    }
    int crcLineStart = lastLineStart(bytes);
    if (crcLineStart < 0) {
      throw new InvalidRepairStatsFormatException("repair statistics are truncated: no crc32 line");
    }
    String crcLine =
        new String(bytes, crcLineStart, bytes.length - crcLineStart, StandardCharsets.UTF_8);
    if (!crcLine.startsWith("crc32 ") || !crcLine.endsWith("\n") || crcLine.length() != 15) {
      throw new InvalidRepairStatsFormatException("repair statistics end without a crc32 line");
    }
    long expected;
    try {
      expected = Long.parseLong(crcLine.substring(6, 14), 16);
    } catch (NumberFormatException e) {
      throw new InvalidRepairStatsFormatException("crc32 line is not 8 hex digits", e);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, crcLineStart);
    if (crc.getValue() != expected) {
      throw new InvalidRepairStatsFormatException(
          String.format(
              "repair statistics fail their checksum (stored %08x, computed %08x): corrupt",
              expected, crc.getValue()));
    }
    String body = new String(bytes, 0, crcLineStart, StandardCharsets.UTF_8);
    String[] lines = body.split("\n", -1);
    // body ends with '\n', so the last element is empty
    if (lines.length < 3 || !lines[0].equals(HEADER)) {
      throw new InvalidRepairStatsFormatException(
          "repair statistics must start with '" + HEADER + "'; unknown format or version");
    }
    if (!lines[1].startsWith("entries ")) {
      throw new InvalidRepairStatsFormatException("line 2 must be 'entries N'");
    }
    int count;
    try {
      count = Integer.parseInt(lines[1].substring(8));
    } catch (NumberFormatException e) {
      throw new InvalidRepairStatsFormatException("line 2: entry count is not a number", e);
    }
    if (count < 0 || count > MAX_ENTRIES || count != lines.length - 3) {
      throw new InvalidRepairStatsFormatException(
          "line 2: entry count "
              + count
              + " does not match the "
              + (lines.length - 3)
              + " entry lines (limit "
              + MAX_ENTRIES
              + ")");
    }
    Map<StatsKey, StrategyStats> out = new HashMap<>();
    for (int i = 0; i < count; i++) {
      int lineNumber = i + 3;
      try {
        Map.Entry<StatsKey, StrategyStats> entry = decodeLine(lines[i + 2]);
        if (out.put(entry.getKey(), entry.getValue()) != null) {
          throw new InvalidRepairStatsFormatException("duplicate entry");
        }
      } catch (RuntimeException e) {
        throw new InvalidRepairStatsFormatException(
            "line " + lineNumber + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static Map.Entry<StatsKey, StrategyStats> decodeLine(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 8) {
      throw new IllegalArgumentException("expected 8 tab-separated fields, found " + f.length);
    }
    StatsKey.Scope scope;
    if (f[0].equals("C")) {
      scope = StatsKey.Scope.CATEGORY;
    } else if (f[0].equals("P")) {
      scope = StatsKey.Scope.PATTERN;
    } else {
      throw new IllegalArgumentException("scope must be C or P, was '" + f[0] + "'");
    }
    RepairStrategy strategy = strategy(f[2]);
    StatsKey key = new StatsKey(scope, unescape(f[1]), strategy);
    StrategyStats stats =
        new StrategyStats(
            Long.parseLong(f[3]),
            Long.parseLong(f[4]),
            finite(f[5]),
            finite(f[6]),
            Instant.ofEpochMilli(Long.parseLong(f[7])));
    return Map.entry(key, stats);
  }

  private static RepairStrategy strategy(String wire) {
    for (RepairStrategy s : RepairStrategy.values()) {
      if (s.wireName().equals(wire)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown strategy '" + wire + "'");
  }

  private static double finite(String text) {
    double d = Double.parseDouble(text);
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("weight must be finite, was " + text);
    }
    return d;
  }

  private static int lastLineStart(byte[] bytes) {
    if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
      return -1;
    }
    for (int i = bytes.length - 2; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  static String escape(String key) {
    StringBuilder sb = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String unescape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (++i >= text.length()) {
        throw new IllegalArgumentException("key ends in a lone backslash");
      }
      char e = text.charAt(i);
      switch (e) {
        case '\\' -> sb.append('\\');
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        default -> throw new IllegalArgumentException("invalid escape '\\" + e + "' in key");
      }
    }
    return sb.toString();
  }
}
