package io.calmsdk.testkit.internal.uaa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

    private final TokenService tokens = new TokenService();
    private final OAuthClient client = new OAuthClient("sb-app!b1|calm-api!b2", OAuthClient.Kind.CLOUD_ALM,
            "sub-1", "zone-1", "app!b1|calm-api!b2", "inst-1", false,
            () -> List.of("calm-api!b2.calm-api.tasks.read", "uaa.resource"), Optional::empty);

    @Test
    void issue_clientCredentials_carriesXsuaaClaims() {
        TokenService.IssuedToken token = tokens.issue(client, "http://uaa/oauth/token", NOW, Duration.ofHours(12));
        JsonNode claims = tokens.verify(token.accessToken(), NOW);

        assertThat(token.expiresIn()).isEqualTo(43_200);
        assertThat(claims.get("jti").asText()).isEqualTo(token.jti());
        assertThat(claims.get("client_id").asText()).isEqualTo("sb-app!b1|calm-api!b2");
        assertThat(claims.get("cid").asText()).isEqualTo(claims.get("azp").asText());
        assertThat(claims.get("grant_type").asText()).isEqualTo("client_credentials");
        assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 43_200);
        assertThat(claims.get("iss").asText()).isEqualTo("http://uaa/oauth/token");
        assertThat(claims.get("zid").asText()).isEqualTo("sub-1");
        assertThat(claims.get("aud")).extracting(JsonNode::toString).asString().contains("calm-api!b2", "uaa");
        assertThat(claims.at("/ext_attr/serviceinstanceid").asText()).isEqualTo("inst-1");
        assertThat(claims.at("/ext_attr/zdn").asText()).isEqualTo("zone-1");
        assertThat(claims.at("/ext_attr/enhancer").asText()).isEqualTo("XSUAA");
        assertThat(claims.get("scope")).hasSize(2);
    }

    @Test
    void verify_expiredOnSimulatorClock_isRefused() {
        String jwt = tokens.issue(client, "http://uaa/oauth/token", NOW, Duration.ofMinutes(5)).accessToken();

        assertThatThrownBy(() -> tokens.verify(jwt, NOW.plus(Duration.ofMinutes(5))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("expired");
    }

    @Test
    void verify_aTokenVerifiedBefore_isStillCheckedForExpiryAndItsTamperedCopyRefused() {
        String jwt = tokens.issue(client, "http://uaa/oauth/token", NOW, Duration.ofMinutes(5)).accessToken();
        String[] parts = jwt.split("\\.");
        String otherSignature = tokens.issue(client, "http://uaa/oauth/token", NOW, Duration.ofMinutes(6))
                .accessToken().split("\\.")[2];

        assertThat(tokens.verify(jwt, NOW).get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 300);
        assertThat(tokens.verify(jwt, NOW.plusSeconds(60)).get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 300);
        assertThatThrownBy(() -> tokens.verify(jwt, NOW.plus(Duration.ofMinutes(5))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + parts[1] + "." + otherSignature, NOW))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void verify_tamperedPayload_isRefused() {
        String jwt = tokens.issue(client, "http://uaa/oauth/token", NOW, Duration.ofMinutes(5)).accessToken();
        String[] parts = jwt.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("tasks.read", "tasks.write").getBytes());

        assertThatThrownBy(() -> tokens.verify(parts[0] + "." + forged + "." + parts[2], NOW))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("signature");
    }

    @Test
    void verify_tokenOfAnotherSimulator_isRefused() {
        String foreign = new TokenService().issue(client, "x", NOW, Duration.ofMinutes(5)).accessToken();

        assertThatThrownBy(() -> tokens.verify(foreign, NOW)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> tokens.verify("abc", NOW)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("not a JWT");
    }

    @Test
    void jwks_publishesTheSigningKey() {
        JsonNode key = tokens.jwks().get("keys").get(0);

        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText())))
                .isEqualTo(tokens.publicKey().getModulus());
        assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText())))
                .isEqualTo(tokens.publicKey().getPublicExponent());
        assertThat(key.get("value").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void oauthClient_toString_hidesSecrets() {
        client.addSecret("b1", "canary-secret-4711");

        assertThat(client.toString()).doesNotContain("canary-secret-4711").contains("CLOUD_ALM");
        assertThat(client.secretMatches("canary-secret-4711")).isTrue();
        assertThat(client.secretMatches("wrong")).isFalse();
        client.revoke("b1");
        assertThat(client.secretMatches("canary-secret-4711")).isFalse();
    }
}
