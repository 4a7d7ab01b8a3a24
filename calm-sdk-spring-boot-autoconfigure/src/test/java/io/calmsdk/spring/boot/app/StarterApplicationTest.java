package io.calmsdk.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.auth.TokenProvider;
import io.calmsdk.spring.boot.test.WithCalmSimulator;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.SimulatedApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;

/**
 * One application through the simulator: it calls Cloud ALM, then reads {@code /actuator/health} and
 * {@code /actuator/metrics/calm.client.requests}; canary secrets (the key's client secret, the admin keys'
 * secrets and the access token) appear nowhere — health, metrics, configprops and env (with values shown),
 * logs at TRACE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,metrics,configprops,env",
        "management.endpoint.health.show-details=always",
        "management.endpoint.configprops.show-values=always",
        "management.endpoint.env.show-values=always",
        "logging.level.io.calmsdk=TRACE"})
@WithCalmSimulator
@ExtendWith(OutputCaptureExtension.class)
class StarterApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    CloudAlmClient calm;

    @Autowired
    TokenProvider tokens;

    @Autowired
    BtpSimulator sim;

    @Autowired
    Environment environment;

    @Test
    void callThroughTheSimulator_thenHealthUpAndMetricsSampled_noSecretAnywhere(CapturedOutput output) throws Exception {
        sim.cloudAlm().createProject("S/4HANA rollout");
        sim.faults().failNext(1, 503, RequestMatcher.api(SimulatedApi.CLOUD_ALM));
        assertThat(calm.projects().list().stream().map(p -> p.name())).contains("S/4HANA rollout");

        JsonNode health = get("/actuator/health");
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode calmHealth = health.path("components").path("calm");
        assertThat(calmHealth.path("status").asText()).isEqualTo("UP");
        assertThat(calmHealth.path("details").path("endpoint").asText()).isEqualTo(sim.endpoints().cloudAlmApi().toString());

        JsonNode requests = get("/actuator/metrics/calm.client.requests");
        assertThat(count(requests)).isGreaterThanOrEqualTo(3.0);   // token, 503 then 200; and the health check
        assertThat(tagValues(requests, "api")).contains("cloud-alm/calm-projects", "token");
        assertThat(tagValues(requests, "outcome")).contains("SUCCEEDED", "RETRYING");
        JsonNode onlyProjects = get("/actuator/metrics/calm.client.requests?tag=api:cloud-alm/calm-projects&tag=status:503");
        assertThat(count(onlyProjects)).isEqualTo(1.0);
        assertThat(count(get("/actuator/metrics/calm.client.retries"))).isEqualTo(1.0);

        List<String> canaries = canaries();
        String configprops = getText("/actuator/configprops");
        assertThat(configprops).contains("calm").contains("serviceKey");
        String env = getText("/actuator/env");
        assertThat(env).contains("calm.service-key");
        for (String canary : canaries) {
            assertThat(health.toString()).doesNotContain(canary);
            assertThat(getText("/actuator/metrics/calm.client.requests")).doesNotContain(canary);
            assertThat(configprops).doesNotContain(canary);
            assertThat(env).doesNotContain(canary);
            assertThat(output.getAll()).doesNotContain(canary);
        }
        assertThat(output.getAll()).contains("calm-sdk: Cloud ALM service key from calm.service-key (JSON)");
    }

    private List<String> canaries() throws Exception {
        List<String> canaries = new ArrayList<>();
        canaries.add(tokens.token().value().reveal());
        for (String property : List.of("calm.service-key", "calm.admin.cis-key", "calm.admin.sm-key")) {
            JsonNode key = JSON.readTree(environment.getProperty(property));
            String secret = key.has("uaa") ? key.path("uaa").path("clientsecret").asText() : key.path("clientsecret").asText();
            assertThat(secret).as(property).isNotBlank();
            canaries.add(secret);
        }
        return canaries;
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(getText(path));
    }

    private String getText(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private static double count(JsonNode metric) {
        for (JsonNode m : metric.path("measurements")) {
            if (m.path("statistic").asText().equals("COUNT")) {
                return m.path("value").asDouble();
            }
        }
        return 0;
    }

    private static List<String> tagValues(JsonNode metric, String tag) {
        List<String> values = new ArrayList<>();
        for (JsonNode t : metric.path("availableTags")) {
            if (t.path("tag").asText().equals(tag)) {
                t.path("values").forEach(v -> values.add(v.asText()));
            }
        }
        return values;
    }
}
