package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.math.BigInteger;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token endpoint and JWKS against the contract. */
@CalmSimulatorTest
class XsuaaContractIT {

    private final BtpSimulator sim;
    private final RawHttp http = new RawHttp();
    private final JsonNode smKey;
    private final String tokenUrl;

    XsuaaContractIT(BtpSimulator sim) {
        this.sim = sim;
        this.smKey = sim.serviceManagerKey().tree();
        this.tokenUrl = smKey.get("url").asText() + "/oauth/token";
    }

    private RawHttp.Reply form(String body) {
        return http.send(RawHttp.request(tokenUrl).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void token_basicAuth_returnsBearerTokenResponse() {
        RawHttp.Reply reply = http.tokenReply(smKey.get("url").asText(), smKey.get("clientid").asText(),
                smKey.get("clientsecret").asText());

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(43_199);
        assertThat(body.get("jti").asText()).isNotEmpty();
        assertThat(body.get("scope").asText()).contains(" ").contains("uaa.resource");
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void token_formFieldAuth_withSecretNeedingEncoding_isAccepted() {
        String secret = smKey.get("clientsecret").asText();
        assertThat(secret).contains("$").endsWith("=");

        RawHttp.Reply reply = form(RawHttp.form(Map.of("grant_type", "client_credentials",
                "client_id", smKey.get("clientid").asText(), "client_secret", secret)));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void token_claims_matchTheContract() {
        String jwt = http.token(smKey);
        JsonNode claims = sim.verifyToken(jwt);

        for (String claim : new String[] {"jti", "sub", "scope", "client_id", "cid", "azp", "grant_type", "iat", "exp",
                "iss", "zid", "aud", "ext_attr"}) {
            assertThat(claims.has(claim)).as(claim).isTrue();
        }
        assertThat(claims.get("client_id").asText()).isEqualTo(smKey.get("clientid").asText());
        assertThat(claims.get("iss").asText()).isEqualTo(tokenUrl);
        assertThat(claims.at("/ext_attr/subaccountid").asText()).isEqualTo(sim.defaultSubaccountId());
        assertThat(claims.at("/ext_attr/zdn").asText()).isEqualTo("calm-sim-subaccount");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(43_199);
    }

    @Test
    void tokenKeys_jwks_verifiesAnIssuedToken() throws Exception {
        String jwt = http.token(smKey);
        JsonNode jwks = http.send(RawHttp.request(smKey.get("url").asText() + "/token_keys").GET().build()).json();
        JsonNode key = jwks.at("/keys/0");
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()))));
        String[] parts = jwt.split("\\.");
        JsonNode header = RawHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("kid").asText()).isEqualTo(key.get("kid").asText());
        assertThat(publicKey).isEqualTo(sim.tokenSigningKey());
    }

    @Test
    void token_wrongSecret_answers401InvalidClientBadCredentials() {
        RawHttp.Reply reply = http.tokenReply(smKey.get("url").asText(), smKey.get("clientid").asText(), "wrong");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(reply.json().get("error_description").asText()).isEqualTo("Bad credentials");
    }

    @Test
    void token_unknownClientOrNoCredentials_answers401() {
        assertThat(http.tokenReply(smKey.get("url").asText(), "nobody", "x").status()).isEqualTo(401);
        RawHttp.Reply none = form("grant_type=client_credentials");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void token_missingOrUnsupportedGrantType_answers400() {
        String auth = RawHttp.basic(smKey.get("clientid").asText(), smKey.get("clientsecret").asText());
        RawHttp.Reply missing = http.send(RawHttp.request(tokenUrl).header("Authorization", auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build());
        RawHttp.Reply password = http.send(RawHttp.request(tokenUrl).header("Authorization", auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password")).build());
        RawHttp.Reply json = http.send(RawHttp.request(tokenUrl).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")).build());

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("error").asText()).isEqualTo("invalid_request");
        assertThat(password.json().get("error").asText()).isEqualTo("unsupported_grant_type");
        assertThat(json.status()).isEqualTo(400);
    }

    @Test
    void token_getMethod_answers405() {
        assertThat(http.send(RawHttp.request(tokenUrl).GET().build()).status()).isEqualTo(405);
    }

    @Test
    void token_configuredLifetimeAndFaultLifetime_setExpiresIn() {
        try (BtpSimulator shortLived = BtpSimulator.builder().tokenLifetime(Duration.ofMinutes(10)).start()) {
            JsonNode key = shortLived.serviceManagerKey().tree();
            assertThat(http.tokenReply(key.get("url").asText(), key.get("clientid").asText(),
                    key.get("clientsecret").asText()).json().get("expires_in").asLong()).isEqualTo(600);
        }
        sim.faults().tokenLifetime(Duration.ofSeconds(5));
        JsonNode reply = http.tokenReply(smKey.get("url").asText(), smKey.get("clientid").asText(),
                smKey.get("clientsecret").asText()).json();

        assertThat(reply.get("expires_in").asLong()).isEqualTo(5);
        String jwt = reply.get("access_token").asText();
        sim.clock().advance(Duration.ofSeconds(6));
        assertThatThrownBy(() -> sim.verifyToken(jwt)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expired");
    }
}
