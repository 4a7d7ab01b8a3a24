package io.calmsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@CalmSimulatorTest
class CallCommandIT {

    @TempDir
    Path dir;

    private BtpSimulator sim;
    private String projectId;
    private Cli cli;

    @BeforeEach
    void seed(BtpSimulator simulator) {
        sim = simulator;
        projectId = sim.cloudAlm().createProject("S/4HANA rollout");
        String key = sim.seed().cloudAlmKey("calm-api.projects.read", "calm-api.tasks.read", "calm-api.tasks.write")
                .json();
        cli = Cli.create().env("CALM_SERVICE_KEY", key);
    }

    @Test
    void call_getProjects_printsThePrettyJsonAnswer() throws Exception {
        Cli.Result r = cli.run("call", "GET", "/calm-projects/v1/projects");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode body = r.json();
        assertThat(body.isArray()).isTrue();
        assertThat(body.findValuesAsText("name")).contains("S/4HANA rollout");
        assertThat(r.out()).contains("\n  ");
        assertThat(r.err()).contains("HTTP 200").contains("correlation id");
    }

    @Test
    void call_verbose_tracesEveryHttpAttemptFromTheRequestListener_neverASecret() throws Exception {
        String secret = sim.seed().cloudAlmKey("calm-api.projects.read").json();
        String clientSecret = Printer.mapper().readTree(secret).at("/uaa/clientsecret").asText();
        Cli verbose = Cli.create().env("CALM_SERVICE_KEY", secret);

        Cli.Result r = verbose.run("call", "GET", "/calm-projects/v1/projects", "--verbose");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("http: -> POST ").contains("/oauth/token (token, attempt 1)")
                .contains("http: <- HTTP 200 POST ")
                .contains("http: -> GET ").contains("/api/calm-projects/v1/projects (cloud-alm, attempt 1)")
                .contains("http: <- HTTP 200 GET ");
        // The transport's own DEBUG request lines are not repeated beside the trace.
        assertThat(r.err()).doesNotContain("--> GET");
        assertThat(r.err() + r.out()).doesNotContain(clientSecret);
    }

    @Test
    void call_verboseJson_tracesAsJsonLines() throws Exception {
        Cli.Result r = cli.run("call", "GET", "/calm-projects/v1/projects", "--verbose", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        java.util.List<JsonNode> traces = new java.util.ArrayList<>();
        for (String line : r.err().split("\\R")) {
            if (line.startsWith("{\"http\"")) {
                traces.add(Printer.mapper().readTree(line));
            }
        }
        assertThat(traces).extracting(t -> t.get("http").asText() + " " + t.get("api").asText())
                .contains("sending token", "succeeded token", "sending cloud-alm", "succeeded cloud-alm");
        assertThat(traces).filteredOn(t -> t.get("http").asText().equals("succeeded"))
                .allSatisfy(t -> assertThat(t.get("status").asInt()).isEqualTo(200));
    }

    @Test
    void call_json_wrapsStatusAndBody() {
        Cli.Result r = cli.run("call", "GET", "/calm-projects/v1/projects/" + projectId, "--json");

        JsonNode doc = r.json();
        assertThat(doc.get("status").asInt()).isEqualTo(200);
        assertThat(doc.at("/body/id").asText()).isEqualTo(projectId);
        assertThat(doc.get("correlationId").asText()).isNotBlank();
    }

    @Test
    void call_queryInPathAndFlag_areSent() {
        sim.cloudAlm().seedTasks(projectId, 7);

        Cli.Result r = cli.run("call", "GET", "/calm-tasks/v1/tasks?projectId=" + projectId, "--query", "limit=3",
                "--quiet");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().size()).isEqualTo(3);
        assertThat(sim.journal().last().orElseThrow().query()).contains("limit=3").contains("projectId=" + projectId);
    }

    @Test
    void call_postWithDataFromFile_createsTheTask() throws Exception {
        Path body = dir.resolve("task.json");
        Files.writeString(body, "{\"projectId\":\"" + projectId + "\",\"title\":\"Cutover\",\"type\":\"CALMTASK\"}");

        Cli.Result r = cli.run("call", "POST", "/calm-tasks/v1/tasks", "--data", "@" + body);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().get("title").asText()).isEqualTo("Cutover");
        assertThat(sim.cloudAlm().taskCount(projectId)).isEqualTo(1);
    }

    @Test
    void call_unknownProject_exitsWithServiceFailure() {
        Cli.Result r = cli.run("call", "GET", "/calm-projects/v1/projects/no-such-project");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.SERVICE_FAILURE);
        assertThat(r.err()).contains("404").contains("exit 4").doesNotContain("\tat ");
    }

    @Test
    void call_missingScope_exitsWithAuthFailureNamingTheScope() {
        Cli.Result r = cli.run("call", "POST", "/calm-projects/v1/projects", "--data", "{\"name\":\"x\"}");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.AUTH_FAILURE);
        assertThat(r.err()).contains("calm-api.projects.write");
    }

    @Test
    void call_serverError_exitsWithServiceFailure() {
        sim.faults().failNext(10, 500, RequestMatcher.api(SimulatedApi.CLOUD_ALM));

        Cli.Result r = cli.run("call", "GET", "/calm-projects/v1/projects");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.SERVICE_FAILURE);
        assertThat(r.err()).contains("HTTP 500");
    }

    @Test
    void call_tokenServiceFailing_isAServiceFailureNotAnAuthFailure() {
        sim.faults().failNext(10, 500, RequestMatcher.path("/oauth/token"));

        Cli.Result r = cli.run("call", "GET", "/calm-projects/v1/projects");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.SERVICE_FAILURE);
        assertThat(r.err()).contains("could not get a token");
    }

    @Test
    void call_dataNotJson_isBadInputBeforeAnyCall() {
        long before = sim.journal().size();

        Cli.Result r = cli.run("call", "POST", "/calm-tasks/v1/tasks", "--data", "{title: oops");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--data").contains("is not JSON");
        assertThat(sim.journal().size()).isEqualTo(before);
    }

    @Test
    void call_badMethod_isBadInput() {
        Cli.Result r = cli.run("call", "FETCH", "/calm-projects/v1/projects");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("method");
    }

    @Test
    void call_withoutKey_usesTheEmbeddedSimulatorWithADemoProject() {
        Cli.Result r = Cli.create().run("call", "GET", "/calm-projects/v1/projects", "--quiet");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.json().findValuesAsText("name")).containsExactly(DemoStory.PROJECT_NAME);
    }
}
