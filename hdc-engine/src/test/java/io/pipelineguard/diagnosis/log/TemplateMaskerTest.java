package io.pipelineguard.diagnosis.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateMaskerTest {
  private final TemplateMasker masker = new TemplateMasker();

  @Test
  void masksNumbersDurationsAndVersions() {
    assertThat(masker.mask("finished in 11.29s with 3 failures, version 1.2.3"))
        .isEqualTo("finished in <N> with <N> failures, version <N>");
  }

  @Test
  void masksHexShasAndRandomIds() {
    assertThat(masker.mask("fatal: bad object e6e0c0e52b5926b08e59993c2e9dfc1d18e8b9bd"))
        .isEqualTo("fatal: bad object <HEX>");
    assertThat(masker.mask("pod runner-qzk-project-10174980-concurrent-1rrmgs pending"))
        .isEqualTo("pod runner-qzk-project-<HEX>-concurrent-<N> pending");
  }

  @Test
  void masksPathsKeepingFileNameAndUrls() {
    assertThat(masker.mask("/home/travis/build/a/b/src/Foo.java:[12,5] cannot find symbol"))
        .isEqualTo("<P>/Foo.java:[<N>] cannot find symbol");
    assertThat(masker.mask("GET https://registry.example.org/v2/x failed"))
        .isEqualTo("GET <URL> failed");
  }

  @Test
  void keepsShortErrorCodes() {
    assertThat(masker.mask("error[E0423]: expected value"))
        .isEqualTo("error[E0423]: expected value");
  }

  @Test
  void sameMessageFromTwoRunsHasSameTemplate() {
    String a = masker.mask("Connection reset by 10.0.3.17:443 after 1m2s (attempt 3)");
    String b = masker.mask("Connection reset by 192.168.0.5:8443 after 12.5s (attempt 1)");
    assertThat(a).isEqualTo(b);
  }
}
