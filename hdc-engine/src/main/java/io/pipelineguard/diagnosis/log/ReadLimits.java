package io.pipelineguard.diagnosis.log;

/**
 * Explicit bounds for reading one log.
 *
 * @param maxLineChars characters kept of each line; the rest of a longer line is skipped (but the
 *     line is still counted), so a single 10 MB line costs no more memory than this
 * @param maxBytes uncompressed bytes read at most; a longer log is read up to this point and
 *     reported as {@link ReadResult#bytesLimitReached()}
 */
public record ReadLimits(int maxLineChars, long maxBytes) {
  /** Default limits: 4096 characters a line, 4 GiB a log. */
  public static final ReadLimits DEFAULT = new ReadLimits(4096, 4L << 30);

  /** Validates the limits. */
  public ReadLimits {
    if (maxLineChars < 16 || maxLineChars > (1 << 20)) {
      throw new IllegalArgumentException(
          "maxLineChars must be within [16, 1048576], was " + maxLineChars);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
  }
}
