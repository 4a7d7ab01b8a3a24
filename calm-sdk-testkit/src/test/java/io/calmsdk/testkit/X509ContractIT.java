package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.SimulatorBuilder.PrivateKeyFormat;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X.509 bindings and the mutual-TLS token endpoint. */
class X509ContractIT {

    private static final String X509_PARAMETERS = "{\"credential-type\":\"x509\",\"x509\":{\"key-length\":2048,"
            + "\"validity\":2,\"validity-type\":\"DAYS\"}}";

    private static BtpSimulator sim;
    private Flows flows;
    private String smToken;

    @BeforeAll
    static void start() {
        sim = BtpSimulator.start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
        flows = new Flows(sim);
        flows.entitle(sim.defaultSubaccountId());
        smToken = flows.smToken();
    }

    private JsonNode x509Credentials(String instanceName) {
        String id = flows.createInstance(smToken, instanceName, bothTypes(instanceName));
        return flows.createBinding(smToken, id, "cert-key", X509_PARAMETERS).get("credentials");
    }

    /** Instance parameters allowing both credential types, secrets first: bindings must ask for x509. */
    private static String bothTypes(String xsappname) {
        return "{\"xs-security\":{\"xsappname\":\"" + xsappname + "\",\"authorities\":"
                + "[\"$XSMASTERAPPNAME.calm-api.tasks.read\"],\"oauth2-configuration\":{\"credential-types\":"
                + "[\"binding-secret\",\"x509\"]}}}";
    }

    private static RawHttp.Reply mtlsToken(SSLContext context, String certUrl, String clientId) {
        return RawHttp.withTls(context).send(RawHttp.request(certUrl + "/oauth/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(RawHttp.form(Map.of("grant_type", "client_credentials",
                        "client_id", clientId)))).build());
    }

    @Test
    void x509Binding_credentials_carryCertificateKeyAndCertUrl() throws Exception {
        JsonNode uaa = x509Credentials("x509-app").get("uaa");

        assertThat(uaa.get("credential-type").asText()).isEqualTo("x509");
        assertThat(uaa.has("clientsecret")).isFalse();
        assertThat(uaa.get("certurl").asText()).startsWith("https://127.0.0.1:")
                .isEqualTo(sim.tls().certUrl().toString());
        // PKCS #1 by default: SAP's Java token client reads any other PEM as an EC key.
        assertThat(uaa.get("key").asText()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        String chain = uaa.get("certificate").asText();
        assertThat(chain.split("-----BEGIN CERTIFICATE-----")).hasSize(3);
        X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(chain.getBytes(StandardCharsets.US_ASCII)));
        leaf.verify(sim.tls().caCertificate().getPublicKey());
        assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=" + uaa.get("clientid").asText());
        assertThat(Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()))
                .isBetween(Duration.ofDays(2), Duration.ofDays(2).plusMinutes(6));
    }

    @Test
    void mtlsToken_withTheBindingCertificate_issuesATokenWithTheInstanceScopes() {
        JsonNode uaa = x509Credentials("mtls-app").get("uaa");
        SSLContext context = sim.tls().clientContext(uaa.get("certificate").asText(), uaa.get("key").asText());

        RawHttp.Reply reply = mtlsToken(context, uaa.get("certurl").asText(), uaa.get("clientid").asText());

        assertThat(reply.status()).isEqualTo(200);
        JsonNode claims = sim.verifyToken(reply.json().get("access_token").asText());
        assertThat(claims.get("scope").toString()).contains("calm-api!b1234.calm-api.tasks.read");
        assertThat(claims.get("iss").asText()).startsWith("https://");
        assertThat(sim.journal().count(SimulatedApi.XSUAA, "POST", "/oauth/token")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void mtlsToken_certificateOfAnotherClient_answers401() {
        JsonNode first = x509Credentials("first-app").get("uaa");
        sim.seed().entitlement(sim.defaultSubaccountId(), "SAPCloudALMAPIs", "standard", 2);
        JsonNode second = x509Credentials("second-app").get("uaa");
        SSLContext secondsCert = sim.tls().clientContext(second.get("certificate").asText(),
                second.get("key").asText());

        RawHttp.Reply reply = mtlsToken(secondsCert, first.get("certurl").asText(), first.get("clientid").asText());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void mtlsToken_certificateExpiredOnTheSimulatorClock_answers401() {
        JsonNode uaa = x509Credentials("expiring").get("uaa");
        SSLContext context = sim.tls().clientContext(uaa.get("certificate").asText(), uaa.get("key").asText());
        sim.clock().advance(Duration.ofDays(3));

        RawHttp.Reply reply = mtlsToken(context, uaa.get("certurl").asText(), uaa.get("clientid").asText());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error_description").asText()).contains("not valid");
    }

    @Test
    void mtlsEndpoint_withoutClientCertificate_refusesTheHandshake() throws Exception {
        sim.tls().certUrl();
        SSLContext trustOnly = SSLContext.getInstance("TLS");
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(sim.tls().trustStore());
        trustOnly.init(null, tmf.getTrustManagers(), null);

        assertThatThrownBy(() -> mtlsToken(trustOnly, sim.tls().certUrl().toString(), "any"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void x509Binding_instanceAllowsOnlySecrets_isRefusedByTheBroker() {
        String id = flows.createInstance(smToken, "secret-only", Flows.calmParameters("secret-only"));

        RawHttp.Reply reply = flows.http.post(flows.smUrl() + "/v1/service_bindings?async=false", smToken,
                "{\"name\":\"c\",\"service_instance_id\":\"" + id + "\",\"parameters\":" + X509_PARAMETERS + "}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("description").asText()).contains("not allowed");
    }

    @Test
    void x509Binding_instanceDefaultsToX509_needsNoBindingParameters() {
        String id = flows.createInstance(smToken, "x509-default", "{\"xs-security\":{\"xsappname\":\"x509-default\","
                + "\"oauth2-configuration\":{\"credential-types\":[\"x509\"]}}}");

        JsonNode uaa = flows.createBinding(smToken, id, "k", null).at("/credentials/uaa");

        assertThat(uaa.get("credential-type").asText()).isEqualTo("x509");
    }

    @Test
    void x509Binding_pkcs8Variant_writesAPkcs8PrivateKeyThatWorks() {
        try (BtpSimulator pkcs8 = BtpSimulator.builder().x509KeyFormat(PrivateKeyFormat.PKCS8).start()) {
            Flows f = new Flows(pkcs8);
            f.entitle(pkcs8.defaultSubaccountId());
            String t = f.smToken();
            String id = f.createInstance(t, "p8", bothTypes("p8"));
            JsonNode uaa = f.createBinding(t, id, "k", "{\"credential-type\":\"x509\"}").at("/credentials/uaa");

            assertThat(uaa.get("key").asText()).startsWith("-----BEGIN PRIVATE KEY-----");
            SSLContext context = pkcs8.tls().clientContext(uaa.get("certificate").asText(), uaa.get("key").asText());
            assertThat(mtlsToken(context, uaa.get("certurl").asText(), uaa.get("clientid").asText()).status())
                    .isEqualTo(200);
        }
    }
}
