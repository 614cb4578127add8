package io.pipelineguard.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SameOriginTest {
  @Test
  void no_origin_is_a_non_browser_client_and_passes() {
    assertThat(SameOrigin.check(null, "localhost:8080")).isTrue();
  }

  @Test
  void same_host_and_port_pass_whatever_the_case() {
    assertThat(SameOrigin.check("http://LocalHost:8080", "localhost:8080")).isTrue();
    assertThat(SameOrigin.check("https://guard.example", "guard.example")).isTrue();
    assertThat(SameOrigin.check("https://guard.example", "guard.example:443")).isTrue();
  }

  @Test
  void other_sites_ports_and_garbage_are_refused() {
    assertThat(SameOrigin.check("http://evil.example", "guard.example")).isFalse();
    assertThat(SameOrigin.check("http://localhost:9999", "localhost:8080")).isFalse();
    assertThat(SameOrigin.check("null", "localhost:8080")).isFalse();
    assertThat(SameOrigin.check("http://guard.example", null)).isFalse();
  }
}
