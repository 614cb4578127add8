package io.pipelineguard.bridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {
  private final SecretTokens tokens = new SecretTokens(new SecureRandom());

  @Test
  void keysArePrefixedBase64UrlOf32BytesAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String key = tokens.newApiKey();
      assertThat(key).startsWith("pg_").hasSize(46).matches("pg_[A-Za-z0-9_-]{43}");
      assertThat(SecretTokens.isApiKeyShaped(key)).isTrue();
      seen.add(key);
    }
    assertThat(seen).hasSize(200);
  }

  @Test
  void hashIsSha256HexAndShapesAreChecked() {
    assertThat(SecretTokens.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(SecretTokens.displayPrefix("pg_abcdefghijklmnop")).isEqualTo("pg_abcdefgh");
    assertThat(SecretTokens.isApiKeyShaped("pg_short")).isFalse();
    assertThat(SecretTokens.isApiKeyShaped("pg_" + "a".repeat(42) + "!")).isFalse();
    assertThat(SecretTokens.isSessionTokenShaped(tokens.newSessionToken())).isTrue();
    assertThat(SecretTokens.isSessionTokenShaped("x")).isFalse();
  }

  @Test
  void keyNamesAreValidatedAndAuditTextIsCleaned() {
    assertThat(ApiKey.checkName("ci-bot@team.1")).isEqualTo("ci-bot@team.1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiKey.checkName(""))
        .hasMessageContaining("1 to 64");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiKey.checkName("a;drop"))
        .hasMessageContaining("letters, digits");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiKey.checkName("x".repeat(65)))
        .hasMessageContaining("1 to 64");
    String key = tokens.newApiKey();
    assertThat(AuditLog.clean("sent " + key + "\nnext", 500))
        .isEqualTo("sent pg_[redacted] next")
        .doesNotContain(key);
    assertThat(AuditLog.clean("y".repeat(900), 500)).hasSize(500);
  }
}
