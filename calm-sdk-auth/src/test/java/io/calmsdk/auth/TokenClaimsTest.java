package io.calmsdk.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.core.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

    @Test
    void decode_xsuaaClientCredentialsToken_readsDiagnosticClaims() {
        String jwt = TestJwt.of(Map.ofEntries(
                Map.entry("jti", "abc123"), Map.entry("sub", "sb-calm!b1|calm!b2"),
                Map.entry("client_id", "sb-calm!b1|calm!b2"),
                Map.entry("scope", List.of("calm!b2.calm-api.projects.read", "uaa.resource")),
                Map.entry("zid", "zone-1"),
                Map.entry("iss", "https://sub.authentication.eu10.hana.ondemand.com/oauth/token"),
                Map.entry("iat", 1_700_000_000L), Map.entry("exp", 1_700_043_199L),
                Map.entry("grant_type", "client_credentials"), Map.entry("aud", List.of("calm!b2", "uaa")),
                Map.entry("ext_attr", Map.of("subaccountid", "sa-1", "serviceinstanceid", "si-1", "zdn", "sub"))));

        TokenClaims claims = TokenClaims.decode(Secret.of(jwt));

        assertThat(claims.isEmpty()).isFalse();
        assertThat(claims.clientId()).contains("sb-calm!b1|calm!b2");
        assertThat(claims.subject()).contains("sb-calm!b1|calm!b2");
        assertThat(claims.zoneId()).contains("zone-1");
        assertThat(claims.subaccountId()).contains("sa-1");
        assertThat(claims.serviceInstanceId()).contains("si-1");
        assertThat(claims.issuer()).contains("https://sub.authentication.eu10.hana.ondemand.com/oauth/token");
        assertThat(claims.grantType()).contains("client_credentials");
        assertThat(claims.jti()).contains("abc123");
        assertThat(claims.audience()).containsExactly("calm!b2", "uaa");
        assertThat(claims.scopes()).containsExactly("calm!b2.calm-api.projects.read", "uaa.resource");
        assertThat(claims.issuedAt()).contains(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(claims.expiresAt()).contains(Instant.ofEpochSecond(1_700_043_199L));
        assertThat(claims.toString()).contains("zoneId=zone-1").contains("subaccountId=sa-1");
    }

    @Test
    void decode_clientIdFallsBackToCidThenAzp_scopeAsStringAndAudAsString() {
        TokenClaims cid = TokenClaims.decode(Secret.of(TestJwt.of(Map.of("cid", "c1", "azp", "a1",
                "scope", "a b  c", "aud", "one"))));
        TokenClaims azp = TokenClaims.decode(Secret.of(TestJwt.of(Map.of("azp", "a1", "exp", "1700000000"))));

        assertThat(cid.clientId()).contains("c1");
        assertThat(cid.scopes()).containsExactly("a", "b", "c");
        assertThat(cid.audience()).containsExactly("one");
        assertThat(azp.clientId()).contains("a1");
        assertThat(azp.expiresAt()).contains(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void decode_opaqueOrMalformedTokens_giveEmptyClaims() {
        assertThat(TokenClaims.decode(Secret.of("opaque-token-value")).isEmpty()).isTrue();
        assertThat(TokenClaims.decode(Secret.of("a.b")).isEmpty()).isTrue();
        assertThat(TokenClaims.decode(Secret.of("a.b.c.d.e")).isEmpty()).isTrue();
        assertThat(TokenClaims.decode(Secret.of(".x.y")).isEmpty()).isTrue();
        assertThat(TokenClaims.decode(Secret.of("aaa.!!!.bbb")).isEmpty()).isTrue();
        assertThat(TokenClaims.decode(Secret.of(TestJwt.payloadOnly("not json"))).isEmpty()).isTrue();
        assertThat(TokenClaims.decode(Secret.of(TestJwt.payloadOnly("[1,2]"))).isEmpty()).isTrue();
        assertThat(TokenClaims.decode(Secret.of(TestJwt.payloadOnly("{\"foo\":1}"))).isEmpty()).isTrue();
        assertThat(TokenClaims.empty().toString()).isEqualTo("TokenClaims{}");
    }

    @Test
    void decode_paddedPayload_isAccepted() {
        String jwt = TestJwt.of(Map.of("zid", "z"));
        String[] parts = jwt.split("\\.");
        String padded = parts[0] + "." + parts[1] + "==" + "." + parts[2];

        assertThat(TokenClaims.decode(Secret.of(padded)).zoneId()).contains("z");
    }
}
