package io.calmsdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sap.cloud.security.client.HttpClientFactory;
import com.sap.cloud.security.config.ClientCertificate;
import com.sap.cloud.security.config.ClientCredentials;
import com.sap.cloud.security.config.ClientIdentity;
import com.sap.cloud.security.xsuaa.client.DefaultOAuth2TokenService;
import com.sap.cloud.security.xsuaa.client.OAuth2ServiceException;
import com.sap.cloud.security.xsuaa.client.OAuth2TokenResponse;
import com.sap.cloud.security.xsuaa.client.XsuaaDefaultEndpoints;
import com.sap.cloud.security.xsuaa.tokenflows.XsuaaTokenFlows;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestJournal;
import java.util.List;
import java.util.Map;
import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SAP's Java token client ({@code com.sap.cloud.security.xsuaa:token-client}) against the simulator with its
 * default settings, set up as SAP documents it: {@code HttpClientFactory.create(identity)},
 * {@code DefaultOAuth2TokenService}, {@code XsuaaTokenFlows}.
 */
class SapTokenClientIT {

    private static BtpSimulator sim;

    @BeforeAll
    static void start() {
        sim = BtpSimulator.start();
        // The mutual-TLS token endpoint (certurl) presents a certificate of the simulator's CA.
        SimFlows.trustTheSimulatorCa(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static OAuth2TokenResponse clientCredentialsFlow(ClientIdentity identity, String url, String certUrl)
            throws Exception {
        try (CloseableHttpClient http = HttpClientFactory.create(identity)) {
            XsuaaTokenFlows flows = new XsuaaTokenFlows(new DefaultOAuth2TokenService(http),
                    new XsuaaDefaultEndpoints(url, certUrl), identity);
            return flows.clientCredentialsTokenFlow().execute();
        }
    }

    private static List<RequestJournal.Entry> tokenRequests() {
        return sim.journal().filter(e -> e.method().equals("POST") && e.path().equals("/oauth/token"));
    }

    @Test
    void bindingSecretKey_clientCredentials_tokenVerifies_andTheSecretTravelsInTheForm() throws Exception {
        JsonNode uaa = sim.seed().cloudAlmKey("calm-api.projects.read").tree().get("uaa");
        int before = tokenRequests().size();

        OAuth2TokenResponse token = clientCredentialsFlow(new ClientCredentials(uaa.get("clientid").asText(),
                uaa.get("clientsecret").asText()), uaa.get("url").asText(), null);

        JsonNode claims = sim.verifyToken(token.getAccessToken());
        assertThat(claims.get("client_id").asText()).isEqualTo(uaa.get("clientid").asText());
        assertThat(claims.get("scope").toString()).contains("calm-api.projects.read");
        assertThat(token.getTokenType()).isEqualToIgnoringCase("bearer");
        // SAP's client sends client_id and client_secret as form fields, not as HTTP Basic: what the comment
        // in calm-sdk-auth's TokenRequests says, checked against SAP's own client.
        List<RequestJournal.Entry> sent = tokenRequests();
        assertThat(sent).hasSize(before + 1);
        assertThat(sent.get(sent.size() - 1).header("authorization")).isEmpty();
    }

    @Test
    void x509Key_defaultSimulatorSettings_mutualTlsTokenVerifies() throws Exception {
        JsonNode uaa = SimFlows.x509CloudAlmKey(sim, "sap-x509").get("uaa");
        // SAP's client reads "-----BEGIN RSA PRIVATE KEY-----" as RSA and any other PEM as an EC key.
        assertThat(uaa.get("key").asText()).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        OAuth2TokenResponse token = clientCredentialsFlow(new ClientCertificate(uaa.get("certificate").asText(),
                uaa.get("key").asText(), uaa.get("clientid").asText()), uaa.get("url").asText(),
                uaa.get("certurl").asText());

        JsonNode claims = sim.verifyToken(token.getAccessToken());
        assertThat(claims.get("client_id").asText()).isEqualTo(uaa.get("clientid").asText());
        assertThat(claims.get("iss").asText()).isEqualTo(uaa.get("certurl").asText() + "/oauth/token");
    }

    @Test
    void wrongSecret_isRefusedWith401() throws Exception {
        JsonNode uaa = sim.seed().cloudAlmKey("calm-api.projects.read").tree().get("uaa");
        ClientIdentity wrong = new ClientCredentials(uaa.get("clientid").asText(), "not-the-secret");
        XsuaaDefaultEndpoints endpoints = new XsuaaDefaultEndpoints(uaa.get("url").asText(), null);

        try (CloseableHttpClient http = HttpClientFactory.create(wrong)) {
            DefaultOAuth2TokenService service = new DefaultOAuth2TokenService(http);
            assertThatThrownBy(() -> service.retrieveAccessTokenViaClientCredentialsGrant(endpoints.getTokenEndpoint(),
                    wrong, null, null, Map.of(), false))
                    .isInstanceOfSatisfying(OAuth2ServiceException.class,
                            e -> assertThat(e.getHttpStatusCode()).isEqualTo(401));
        }
    }
}
