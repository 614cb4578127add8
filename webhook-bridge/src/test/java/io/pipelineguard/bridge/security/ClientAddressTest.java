package io.pipelineguard.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress proxies = ClientAddress.trusting(List.of("10.0.0.0/8", "::1"));

  @Test
  void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
    ClientAddress none = ClientAddress.peerOnly();

    assertThat(none.resolve("10.1.2.3", "203.0.113.9")).isEqualTo("10.1.2.3");
    assertThat(none.resolve(null, "203.0.113.9")).isEqualTo("unknown");
  }

  @Test
  void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
    assertThat(proxies.resolve("10.1.2.3", "203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(proxies.resolve("::1", "198.51.100.7, 203.0.113.9, 10.9.9.9"))
        .isEqualTo("203.0.113.9");
    assertThat(proxies.resolve("10.1.2.3", "2001:db8::5")).isEqualTo("2001:db8::5");
  }

  @Test
  void aClientCannotChooseItsAddress() {
    // Not from a trusted proxy: the header is ignored.
    assertThat(proxies.resolve("203.0.113.9", "10.0.0.1")).isEqualTo("203.0.113.9");
    // Spoofed entries left of the hop the proxy appended are never read.
    assertThat(proxies.resolve("10.1.2.3", "1.1.1.1, 203.0.113.9")).isEqualTo("203.0.113.9");
  }

  @Test
  void malformedOrTrustedOnlyHeadersFallBackToTheLastTrustedHop() {
    assertThat(proxies.resolve("10.1.2.3", "not-an-ip")).isEqualTo("10.1.2.3");
    assertThat(proxies.resolve("10.1.2.3", "example.com, 10.2.2.2")).isEqualTo("10.2.2.2");
    assertThat(proxies.resolve("10.1.2.3", "10.2.2.2")).isEqualTo("10.2.2.2");
    assertThat(proxies.resolve("10.1.2.3", "")).isEqualTo("10.1.2.3");
    assertThat(proxies.resolve("10.1.2.3", "256.1.1.1")).isEqualTo("10.1.2.3");
  }

  @Test
  void rangesAreParsedStrictly() {
    assertThat(ClientAddress.literal("192.168.0.1")).containsExactly(192, 168, 0, 1);
    assertThat(ClientAddress.literal("192.168.0")).isNull();
    assertThat(ClientAddress.literal("localhost")).isNull();
    assertThat(ClientAddress.literal("fe80::1%eth0")).isNull();
    ClientAddress slash12 = ClientAddress.trusting(List.of("172.16.0.0/12"));
    assertThat(slash12.resolve("172.31.255.255", "203.0.113.9")).isEqualTo("203.0.113.9");
    assertThat(slash12.resolve("172.32.0.1", "203.0.113.9")).isEqualTo("172.32.0.1");
    assertThatThrownBy(() -> ClientAddress.trusting(List.of("proxy.internal")))
        .hasMessageContaining("'proxy.internal' is not an IP address or CIDR range");
    assertThatThrownBy(() -> ClientAddress.trusting(List.of("10.0.0.0/33")))
        .hasMessageContaining("security.trusted_proxies");
  }
}
