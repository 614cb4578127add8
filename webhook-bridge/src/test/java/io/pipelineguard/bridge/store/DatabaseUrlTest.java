package io.pipelineguard.bridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void heroku_form_becomes_jdbc_with_separate_credentials() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgres://guard:s%40cret@db.example:6543/pg?sslmode=require");

    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/pg?sslmode=require");
    assertThat(url.user()).isEqualTo("guard");
    assertThat(url.password()).isEqualTo("s@cret");
    assertThat(url.isPostgres()).isTrue();
    assertThat(url.toString()).doesNotContain("s@cret").doesNotContain("s%40cret");
  }

  @Test
  void jdbc_form_is_kept_and_its_password_parameter_masked() {
    DatabaseUrl url =
        DatabaseUrl.parse("jdbc:postgresql://h:5432/db?user=u&password=hunter2&ssl=true");

    assertThat(url.jdbcUrl()).contains("password=hunter2");
    assertThat(url.redacted()).contains("password=****").doesNotContain("hunter2");
  }

  @Test
  void unknown_scheme_is_rejected_without_echoing_the_password() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@h/db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATABASE_URL must start with")
        .hasMessageNotContaining("topsecret");
  }
}
