package io.calmsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void build_jwtWithoutExplicitFields_takesExpiryScopesAndJtiFromClaims() {
        String jwt = TestJwt.of(Map.of("exp", NOW.plusSeconds(600).getEpochSecond(), "jti", "j-1",
                "scope", List.of("calm!b2.calm-api.tasks.write"), "client_id", "client-1"));

        AccessToken token = AccessToken.builder().value(Secret.of(jwt)).build();

        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(token.jti()).contains("j-1");
        assertThat(token.scopes()).containsExactly("calm!b2.calm-api.tasks.write");
        assertThat(token.hasScope("calm-api.tasks.write")).isTrue();
        assertThat(token.hasScope("calm!b2.calm-api.tasks.write")).isTrue();
        assertThat(token.hasScope("calm-api.tasks.read")).isFalse();
        assertThat(token.claims().clientId()).contains("client-1");
        assertThat(token.type()).isEqualTo("bearer");
        assertThat(token.lifetime()).isEmpty();
    }

    @Test
    void build_explicitFields_winOverClaims() {
        String jwt = TestJwt.of(Map.of("exp", NOW.plusSeconds(600).getEpochSecond(), "jti", "claim-jti"));

        AccessToken token = AccessToken.builder().value(Secret.of(jwt)).type("Bearer").expiresAt(NOW.plusSeconds(60))
                .obtainedAt(NOW).scopes(List.of("s1")).jti("answer-jti").build();

        assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(token.jti()).contains("answer-jti");
        assertThat(token.scopes()).containsExactly("s1");
        assertThat(token.type()).isEqualTo("bearer");
        assertThat(token.lifetime()).contains(Duration.ofSeconds(60));
        assertThat(token.obtainedAt()).contains(NOW);
    }

    @Test
    void build_opaqueTokenWithoutExpiry_failsNamingTheSetting() {
        assertThatThrownBy(() -> AccessToken.builder().value(Secret.of("opaque")).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expiresAt is required");
        assertThatThrownBy(() -> AccessToken.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("value is required");
    }

    @Test
    void of_opaqueToken_worksWithEmptyClaims() {
        AccessToken token = AccessToken.of(Secret.of("opaque-canary-4711"), NOW.plusSeconds(5));

        assertThat(token.claims().isEmpty()).isTrue();
        assertThat(token.scopes()).isEmpty();
        assertThat(token.isExpiredAt(NOW)).isFalse();
        assertThat(token.isExpiredAt(NOW.plusSeconds(5))).isTrue();
        assertThat(io.calmsdk.core.internal.http.AuthHeader.bearer(token.value()).value().reveal()).isEqualTo("Bearer opaque-canary-4711");
    }

    @Test
    void equals_comparesValuesOnly_andToStringMasksTheValue() {
        AccessToken a = AccessToken.of(Secret.of("value-canary-0815"), NOW);
        AccessToken b = AccessToken.builder().value(Secret.of("value-canary-0815")).expiresAt(NOW.plusSeconds(9))
                .jti("x").build();
        AccessToken c = AccessToken.of(Secret.of("other"), NOW);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c).isNotEqualTo("value-canary-0815");
        assertThat(b.toString()).contains("value=***").contains("jti=x").doesNotContain("value-canary-0815");
        assertThat(io.calmsdk.core.internal.http.AuthHeader.bearer(b.value()).toString()).doesNotContain("value-canary-0815");
    }
}
