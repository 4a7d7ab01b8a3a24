package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * What a project that depends on calm-sdk writes: start the simulator with the annotation, hand the keys
 * to the code under test, assert on the journal and the state. Quoted in the module README.
 */
@CalmSimulatorTest
class ConsumerExampleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void cloudAlmKey_listsProjects_withOneTokenAndOneCall(BtpSimulator sim) throws Exception {
        // Given: a Cloud ALM key that may read projects, and one project in the tenant.
        JsonNode key = sim.seed().cloudAlmKey("calm-api.projects.read").tree();
        sim.cloudAlm().createProject("S/4HANA rollout");

        // When: the code under test fetches a token and lists projects (inlined here).
        JsonNode uaa = key.get("uaa");
        String basic = Base64.getEncoder().encodeToString((uaa.get("clientid").asText() + ":"
                + uaa.get("clientsecret").asText()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(uaa.get("url").asText()
                        + "/oauth/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        String accessToken = JSON.readTree(token.body()).get("access_token").asText();
        HttpResponse<String> projects = http.send(HttpRequest.newBuilder(URI.create(
                        key.at("/endpoints/Api").asText() + "/calm-projects/v1/projects"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());

        // Then: the answer, and exactly the calls we expected, nothing written.
        assertThat(JSON.readTree(projects.body()).get(0).get("name").asText()).isEqualTo("S/4HANA rollout");
        assertThat(sim.journal().tokenRequests()).isEqualTo(1);
        assertThat(sim.journal().count("GET", "/api/calm-projects/v1/projects")).isEqualTo(1);
        assertThat(sim.journal().writes()).isZero();
    }

    @Test
    void eachTest_startsFromAFreshState(BtpSimulator sim) {
        assertThat(sim.journal().size()).isZero();
        assertThat(sim.cloudAlm().projects()).isEmpty();
        assertThat(sim.state().instances()).isEmpty();
    }
}
