package io.pipelineguard.bridge.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiveSocketOriginTest {
  @Test
  void no_origin_is_a_non_browser_client_and_passes() {
    assertThat(LiveSocket.sameOrigin(null, "localhost:8080")).isTrue();
  }

  @Test
  void same_host_and_port_pass_whatever_the_case() {
    assertThat(LiveSocket.sameOrigin("http://LocalHost:8080", "localhost:8080")).isTrue();
    assertThat(LiveSocket.sameOrigin("https://guard.example", "guard.example")).isTrue();
    assertThat(LiveSocket.sameOrigin("https://guard.example", "guard.example:443")).isTrue();
  }

  @Test
  void other_sites_ports_and_garbage_are_refused() {
    assertThat(LiveSocket.sameOrigin("http://evil.example", "guard.example")).isFalse();
    assertThat(LiveSocket.sameOrigin("http://localhost:9999", "localhost:8080")).isFalse();
    assertThat(LiveSocket.sameOrigin("null", "localhost:8080")).isFalse();
    assertThat(LiveSocket.sameOrigin("http://guard.example", null)).isFalse();
  }
}
