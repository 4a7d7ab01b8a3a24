package io.calmsdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sap.cloud.security.client.HttpClientFactory;
import com.sap.cloud.security.config.ClientCredentials;
import com.sap.cloud.security.xsuaa.client.DefaultOAuth2TokenService;
import com.sap.cloud.security.xsuaa.client.XsuaaDefaultEndpoints;
import com.sap.cloud.security.xsuaa.tokenflows.XsuaaTokenFlows;
import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientAuthentication;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestJournal;
import io.calmsdk.testkit.SimulatedKey;
import java.util.List;
import java.util.Optional;
import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How a client authenticates its token request: calm-sdk's two selectable styles next to SAP's token client,
 * all against the same simulated XSUAA, read from the simulator's journal (which keeps only the scheme of an
 * {@code Authorization} header, never the credential).
 */
class TokenRequestStyleIT {

    private static BtpSimulator sim;

    @BeforeAll
    static void start() {
        sim = BtpSimulator.start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Optional<String> lastTokenRequestAuthorization() {
        List<RequestJournal.Entry> sent = sim.journal().filter(e -> e.method().equals("POST")
                && e.path().equals("/oauth/token"));
        return sent.get(sent.size() - 1).header("authorization");
    }

    private static AccessToken ours(SimulatedKey key, ClientAuthentication style) {
        try (ClientCredentialsTokenProvider provider = ClientCredentialsTokenProvider.builder()
                .credentials(ServiceKeys.calm().fromJson(key.json())).clientAuthentication(style).build()) {
            return provider.token();
        }
    }

    @Test
    void calmSdkBasic_sendsAnHttpBasicHeader() {
        SimulatedKey key = sim.seed().cloudAlmKey("calm-api.projects.read");

        AccessToken token = ours(key, ClientAuthentication.BASIC);

        assertThat(sim.verifyToken(token.value().reveal()).get("client_id").asText()).isEqualTo(key.clientId());
        assertThat(lastTokenRequestAuthorization()).contains("Basic");
    }

    @Test
    void calmSdkForm_sendsClientIdAndSecretInTheBody_asSapsClientsDo() throws Exception {
        SimulatedKey key = sim.seed().cloudAlmKey("calm-api.projects.read");

        AccessToken token = ours(key, ClientAuthentication.FORM);
        assertThat(sim.verifyToken(token.value().reveal()).get("client_id").asText()).isEqualTo(key.clientId());
        assertThat(lastTokenRequestAuthorization()).isEmpty();

        JsonNode uaa = key.tree().get("uaa");
        ClientCredentials identity = new ClientCredentials(uaa.get("clientid").asText(),
                uaa.get("clientsecret").asText());
        try (CloseableHttpClient http = HttpClientFactory.create(identity)) {
            new XsuaaTokenFlows(new DefaultOAuth2TokenService(http), new XsuaaDefaultEndpoints(uaa.get("url").asText(),
                    null), identity).clientCredentialsTokenFlow().execute();
        }
        assertThat(lastTokenRequestAuthorization()).as("SAP's token client").isEmpty();
    }
}
