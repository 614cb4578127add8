package io.pipelineguard.bridge.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Works out a request's client address for rate limits and the audit log. By default it is the TCP
 * peer; when the peer is one of the configured trusted proxies ({@code security.trusted_proxies}:
 * addresses or CIDR ranges), the client is the right-most address of {@code X-Forwarded-For} that
 * is not itself a trusted proxy, so a client cannot pick its own address by sending the header
 * (entries left of the first untrusted one are never read).
 *
 * <p>Only IP literals are parsed (never a DNS lookup); a malformed header entry ends the walk and
 * the last trusted hop is used. Immutable and thread-safe; costs a parse of at most {@value
 * #MAX_HOPS} header entries per request, and nothing when no proxy is configured.
 */
public final class ClientAddress {
  /** Most {@code X-Forwarded-For} entries read, from the right. */
  public static final int MAX_HOPS = 16;

  private final List<Range> trusted;

  private ClientAddress(List<Range> trusted) {
    this.trusted = trusted;
  }

  /** Trusts no proxy: the client is always the TCP peer. */
  public static ClientAddress peerOnly() {
    return new ClientAddress(List.of());
  }

  /**
   * Trusts the given proxies.
   *
   * @param proxies IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8})
   * @throws IllegalArgumentException naming the first entry that is not one
   */
  public static ClientAddress trusting(List<String> proxies) {
    List<Range> ranges = new ArrayList<>();
    for (String proxy : proxies) {
      ranges.add(
          Range.parse(proxy)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "security.trusted_proxies: '"
                              + proxy
                              + "' is not an IP address or CIDR range")));
    }
    return new ClientAddress(List.copyOf(ranges));
  }

  /**
   * Returns the client address of a request from {@code peer} carrying {@code forwardedFor} (the
   * {@code X-Forwarded-For} header, null when absent).
   */
  public String resolve(String peer, String forwardedFor) {
    if (peer == null) {
      return "unknown";
    }
    if (trusted.isEmpty() || forwardedFor == null || !isTrusted(peer)) {
      return peer;
    }
    String client = peer;
    int end = forwardedFor.length();
    for (int hop = 0; hop < MAX_HOPS && end > 0; hop++) {
      int comma = forwardedFor.lastIndexOf(',', end - 1);
      String entry = forwardedFor.substring(comma + 1, end).trim();
      byte[] address = literal(entry);
      if (address == null) {
        return client;
      }
      client = entry;
      if (!matches(address)) {
        return entry;
      }
      end = comma < 0 ? 0 : comma;
    }
    return client;
  }

  private boolean isTrusted(String peer) {
    byte[] address = literal(peer);
    return address != null && matches(address);
  }

  private boolean matches(byte[] address) {
    for (Range range : trusted) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** Parses an IPv4 or IPv6 literal without any lookup; null when it is not one. */
  static byte[] literal(String text) {
    if (text.isEmpty() || text.length() > 45) {
      return null;
    }
    if (text.indexOf(':') >= 0) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean ok = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
        if (!ok) {
          return null;
        }
      }
      try {
        // A string with ':' is parsed as an IPv6 literal, never resolved.
        return InetAddress.getByName(text).getAddress();
      } catch (UnknownHostException e) {
        return null;
      }
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i];
      if (part.isEmpty() || part.length() > 3) {
        return null;
      }
      int value = 0;
      for (int j = 0; j < part.length(); j++) {
        char c = part.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
        value = value * 10 + (c - '0');
      }
      if (value > 255) {
        return null;
      }
      out[i] = (byte) value;
    }
    return out;
  }

  private record Range(byte[] network, int prefixBits) {
    static java.util.Optional<Range> parse(String text) {
      Objects.requireNonNull(text, "proxy must not be null");
      String trimmed = text.trim();
      int slash = trimmed.indexOf('/');
      byte[] address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
      if (address == null) {
        return java.util.Optional.empty();
      }
      int bits = address.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
          return java.util.Optional.empty();
        }
        if (bits < 0 || bits > address.length * 8) {
          return java.util.Optional.empty();
        }
      }
      return java.util.Optional.of(new Range(address, bits));
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefixBits / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
