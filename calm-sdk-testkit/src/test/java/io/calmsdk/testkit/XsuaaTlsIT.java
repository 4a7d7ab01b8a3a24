package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XSUAA over HTTPS ({@link SimulatorBuilder#xsuaaTls(boolean)}): what SAP's token validators need to
 * fetch the signing keys from {@code https://<uaadomain>/token_keys}.
 */
class XsuaaTlsIT {

    private static BtpSimulator sim;
    private static RawHttp trusting;

    @BeforeAll
    static void start() throws Exception {
        sim = BtpSimulator.builder().xsuaaTls(true).start();
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(sim.tls().trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        trusting = RawHttp.withTls(context);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static RawHttp.Reply formToken(String url, String clientId, String secret) {
        return trusting.send(RawHttp.request(url + "/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(RawHttp.form(Map.of("grant_type", "client_credentials",
                        "client_id", clientId, "client_secret", secret)))).build());
    }

    @Test
    void keys_pointAtHttpsXsuaa_withTheUrlAsUaadomain() {
        JsonNode uaa = sim.seed().cloudAlmKey("calm-api.projects.read").tree().get("uaa");

        assertThat(sim.endpoints().xsuaa().getScheme()).isEqualTo("https");
        assertThat(uaa.get("url").asText()).startsWith("https://127.0.0.1:")
                .isEqualTo(sim.endpoints().xsuaa().toString());
        assertThat(uaa.get("uaadomain").asText()).isEqualTo(uaa.get("url").asText());
        assertThat(sim.cisCentralKey().tree().at("/uaa/url").asText()).startsWith("https://");
        assertThat(sim.serviceManagerKey().tree().get("url").asText()).startsWith("https://");
    }

    @Test
    void tokenAndTokenKeys_overTls_verifyAgainstEachOther() {
        JsonNode key = sim.seed().cloudAlmKey("calm-api.projects.read").tree();
        JsonNode uaa = key.get("uaa");

        RawHttp.Reply token = formToken(uaa.get("url").asText(), uaa.get("clientid").asText(),
                uaa.get("clientsecret").asText());
        assertThat(token.status()).isEqualTo(200);
        String jwt = token.json().get("access_token").asText();
        JsonNode header = readJson(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        assertThat(sim.verifyToken(jwt).get("iss").asText()).isEqualTo(uaa.get("url").asText() + "/oauth/token");

        RawHttp.Reply jwks = trusting.send(RawHttp.request(uaa.get("uaadomain").asText() + "/token_keys?zid="
                + sim.defaultSubaccountId()).GET().build());
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().at("/keys/0/kid").asText()).isEqualTo(header.get("kid").asText());

        String api = key.at("/endpoints/Api").asText();
        assertThat(trusting.get(api + "/calm-projects/v1/projects", jwt).status()).isEqualTo(200);
    }

    @Test
    void aClientThatDoesNotTrustTheCa_isRefused() {
        JsonNode uaa = sim.serviceManagerKey().tree();

        assertThatThrownBy(() -> new RawHttp().tokenReply(uaa.get("url").asText(), uaa.get("clientid").asText(),
                uaa.get("clientsecret").asText())).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void writeTrustStore_writesAPkcs12FileHoldingTheCa(@TempDir Path dir) throws Exception {
        Path file = sim.tls().writeTrustStore(dir.resolve("ca.p12"), "changeit".toCharArray());

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, "changeit".toCharArray());
        }
        assertThat(store.getCertificate(store.aliases().nextElement())).isEqualTo(sim.tls().caCertificate());
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return RawHttp.JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
