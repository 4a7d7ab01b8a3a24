package io.calmsdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.calmsdk.testkit.BtpSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The example as a person runs it: no key, so it starts against the simulator; a project is created and
 * listed over HTTP; {@code /actuator/health} shows {@code calm} UP and {@code calm.client.requests} has samples.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SimulatorWhenNoKey.class)
class CalmSpringApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Environment environment;

    @Autowired
    BtpSimulator sim;

    @Test
    void withoutKey_runsAgainstSimulator_projectsHealthAndMetricsOverHttp() throws Exception {
        assertThat(send("POST", "/projects?name=Cutover").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(send("GET", "/projects").body()).toString()).contains("Cutover");
        assertThat(sim.journal().count("POST", "/api/calm-projects/v1/projects")).isEqualTo(1);

        JsonNode health = JSON.readTree(send("GET", "/actuator/health").body());
        assertThat(health.path("components").path("calm").path("status").asText()).isEqualTo("UP");

        JsonNode requests = JSON.readTree(send("GET", "/actuator/metrics/calm.client.requests").body());
        double count = 0;
        for (JsonNode m : requests.path("measurements")) {
            if (m.path("statistic").asText().equals("COUNT")) {
                count = m.path("value").asDouble();
            }
        }
        assertThat(count).isGreaterThanOrEqualTo(3);
    }

    @Test
    void readmeShowsTheControllerAsCompiled() throws Exception {
        String source = Files.readString(Path.of("src/main/java/io/calmsdk/examples/spring/ProjectsController.java"),
                StandardCharsets.UTF_8);
        String snippet = source.substring(source.indexOf("// tag::spring-controller[]") + "// tag::spring-controller[]".length() + 1,
                source.indexOf("    // end::spring-controller[]"));
        String deindented = snippet.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8)).contains(deindented);
        assertThat(Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8)).contains(deindented);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
        return HTTP.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
