package io.calmsdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sap.cloud.security.client.HttpClientFactory;
import com.sap.cloud.security.config.ClientCredentials;
import com.sap.cloud.security.config.ClientIdentity;
import com.sap.cloud.security.config.OAuth2ServiceConfiguration;
import com.sap.cloud.security.config.OAuth2ServiceConfigurationBuilder;
import com.sap.cloud.security.config.Service;
import com.sap.cloud.security.token.Token;
import com.sap.cloud.security.token.XsuaaToken;
import com.sap.cloud.security.token.validation.CombiningValidator;
import com.sap.cloud.security.token.validation.ValidationResult;
import com.sap.cloud.security.token.validation.validators.JwtValidatorBuilder;
import com.sap.cloud.security.xsuaa.client.DefaultOAuth2TokenService;
import com.sap.cloud.security.xsuaa.client.XsuaaDefaultEndpoints;
import com.sap.cloud.security.xsuaa.tokenflows.XsuaaTokenFlows;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestJournal;
import io.calmsdk.testkit.SimulatedApi;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.impl.client.CloseableHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SAP's token validators ({@code com.sap.cloud.security:java-security}) against the simulator's keys, set up
 * as an application does from its binding, without overriding anything: they fetch the signing keys from
 * {@code <uaadomain>/token_keys} over HTTPS, which the simulator serves with {@code xsuaaTls(true)}.
 */
class SapTokenValidationIT {

    private static BtpSimulator sim;

    @BeforeAll
    static void start() {
        sim = BtpSimulator.builder().xsuaaTls(true).start();
        SimFlows.trustTheSimulatorCa(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** The binding's {@code uaa} block as the application's configuration, as SAP's env module reads it. */
    static OAuth2ServiceConfiguration configuration(JsonNode uaa) {
        Map<String, String> properties = new LinkedHashMap<>();
        uaa.properties().forEach(e -> properties.put(e.getKey(), e.getValue().asText()));
        return OAuth2ServiceConfigurationBuilder.forService(Service.XSUAA).withProperties(properties).build();
    }

    private static String sapToken(JsonNode uaa) throws Exception {
        ClientIdentity identity = new ClientCredentials(uaa.get("clientid").asText(), uaa.get("clientsecret").asText());
        try (CloseableHttpClient http = HttpClientFactory.create(identity)) {
            return new XsuaaTokenFlows(new DefaultOAuth2TokenService(http),
                    new XsuaaDefaultEndpoints(uaa.get("url").asText(), null), identity)
                    .clientCredentialsTokenFlow().execute().getAccessToken();
        }
    }

    private static ValidationResult validate(JsonNode uaa, String jwt) {
        CombiningValidator<Token> validator = JwtValidatorBuilder.getInstance(configuration(uaa)).build();
        return validator.validate(new XsuaaToken(jwt));
    }

    private static List<RequestJournal.Entry> jwksFetches() {
        return sim.journal().filter(e -> e.api() == SimulatedApi.XSUAA && e.method().equals("GET")
                && e.path().equals("/token_keys"));
    }

    @Test
    void sapValidators_acceptTheSimulatorsToken_withKeysFetchedOverHttps() throws Exception {
        JsonNode uaa = sim.seed().cloudAlmKey("calm-api.projects.read").tree().get("uaa");
        String jwt = sapToken(uaa);
        int before = jwksFetches().size();

        ValidationResult result = validate(uaa, jwt);

        assertThat(result.isValid()).as(result.getErrorDescription()).isTrue();
        // The key came from the JWKS endpoint, not from the key's verificationkey fallback.
        List<RequestJournal.Entry> fetches = jwksFetches();
        assertThat(fetches).hasSize(before + 1);
        assertThat(fetches.get(fetches.size() - 1).status()).isEqualTo(200);
        assertThat(fetches.get(fetches.size() - 1).query()).contains("zid=" + sim.defaultSubaccountId());
    }

    @Test
    void sapValidators_refuseATamperedToken() throws Exception {
        JsonNode uaa = sim.seed().cloudAlmKey("calm-api.projects.read").tree().get("uaa");
        String[] parts = sapToken(uaa).split("\\.");
        JsonNode claims = SimFlows.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ((com.fasterxml.jackson.databind.node.ObjectNode) claims).put("client_id", "someone-else");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SimFlows.JSON.writeValueAsBytes(claims)) + "." + parts[2];

        ValidationResult result = validate(uaa, tampered);

        assertThat(result.isValid()).isFalse();
        assertThat(result.getErrorDescription()).containsIgnoringCase("signature");
    }

    @Test
    void sapValidators_refuseATokenIssuedToAnotherClient() throws Exception {
        JsonNode mine = sim.seed().cloudAlmKey("calm-api.projects.read").tree().get("uaa");
        JsonNode other = sim.seed().cloudAlmKey("calm-api.tasks.read").tree().get("uaa");

        ValidationResult result = validate(mine, sapToken(other));

        assertThat(result.isValid()).isFalse();
        assertThat(result.getErrorDescription()).contains("audience");
    }

    @Test
    void withoutTls_sapValidatorsCannotFetchTheKeys() throws Exception {
        try (BtpSimulator plain = BtpSimulator.start()) {
            JsonNode uaa = plain.seed().cloudAlmKey("calm-api.projects.read").tree().get("uaa");
            String jwt = sapToken(uaa);
            ((com.fasterxml.jackson.databind.node.ObjectNode) uaa).remove("verificationkey");

            ValidationResult result = validate(uaa, jwt);

            // Without xsuaaTls only the binding's verificationkey fallback could validate this token.
            assertThat(result.isValid()).isFalse();
        }
    }
}
