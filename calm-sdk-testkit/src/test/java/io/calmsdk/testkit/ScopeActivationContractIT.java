package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Activating a scope as SAP's process scopes and copy-template notebooks do: assigning a solution scenario
 * version to a scope lists its solution processes there, out of scope, and a process is put in scope per scope.
 */
@CalmSimulatorTest
class ScopeActivationContractIT {

    private final BtpSimulator sim;
    private final RawHttp http = new RawHttp();
    private String pm;
    private String token;

    ScopeActivationContractIT(BtpSimulator sim) {
        this.sim = sim;
    }

    @BeforeEach
    void key() {
        JsonNode key = sim.seed().cloudAlmKey("calm-api.processmanagement.read", "calm-api.processmanagement.write")
                .tree();
        pm = key.at("/endpoints/Api").asText() + "/calm-processmanagement/v1";
        token = http.token(key);
    }

    private List<JsonNode> processes(String projectId, String scopeId, String more) {
        List<JsonNode> out = new ArrayList<>();
        http.get(pm + "/solutionProcesses?projectId=" + projectId + "&scopeId=" + scopeId + more, token).json()
                .get("value").forEach(out::add);
        return out;
    }

    @Test
    void assignVersion_listsItsProcessesOutOfScope_andScopeAssignmentsArePerScope() {
        String project = sim.cloudAlm().createProject("Activation");
        List<String> scopes = sim.cloudAlm().seedScopes(project, 2);
        String version = sim.cloudAlm().addSolutionScenarioVersion("Order to cash", 3);
        assertThat(processes(project, scopes.get(0), "")).isEmpty();

        for (String scope : scopes) {
            RawHttp.Reply assigned = http.post(pm + "/scopes/" + scope + "/solutionScenarioVersions", token,
                    "{\"value\":[{\"id\":\"" + version + "\"}]}");
            assertThat(assigned.status()).isEqualTo(201);
            assertThat(assigned.json().at("/value/0").has("_processes")).isFalse();
        }
        List<JsonNode> first = processes(project, scopes.get(0), "");
        assertThat(first).hasSize(3).allSatisfy(p -> {
            assertThat(p.get("isScoped").asBoolean()).isFalse();
            assertThat(p.get("solutionScenarioVersionId").asText()).isEqualTo(version);
            assertThat(p.get("solutionProcessVersionId").asText()).isNotBlank();
            assertThat(p.has("_key")).isFalse();
        });
        // Assigning again adds no process twice.
        http.post(pm + "/scopes/" + scopes.get(0) + "/solutionScenarioVersions", token,
                "{\"value\":[{\"id\":\"" + version + "\"}]}");
        assertThat(processes(project, scopes.get(0), "")).hasSize(3);

        JsonNode p = first.get(1);
        RawHttp.Reply changed = http.patch(pm + "/solutionProcesses/scopeAssignments", token,
                "{\"value\":[{\"scopeId\":\"" + scopes.get(0) + "\",\"solutionScenarioVersionId\":\"" + version
                        + "\",\"solutionProcessVersionId\":\"" + p.get("solutionProcessVersionId").asText()
                        + "\",\"statusId\":\"DESIGN\",\"isScoped\":true}]}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().at("/value/0/statusId").asText()).isEqualTo("DESIGN");
        assertThat(processes(project, scopes.get(0), "")).filteredOn(x -> x.get("isScoped").asBoolean())
                .singleElement().satisfies(x -> assertThat(x.get("solutionProcessId")).isEqualTo(
                        p.get("solutionProcessId")));
        assertThat(processes(project, scopes.get(1), "")).hasSize(3)
                .allSatisfy(x -> assertThat(x.get("isScoped").asBoolean()).isFalse());

        // The copy-template notebook's look-up of one process's version in a scope.
        assertThat(processes(project, scopes.get(1), "&solutionScenarioVersionId=" + version + "&solutionProcessId="
                + p.get("solutionProcessId").asText())).singleElement().satisfies(x -> assertThat(
                        x.get("solutionProcessVersionId")).isEqualTo(p.get("solutionProcessVersionId")));
        assertThat(http.patch(pm + "/solutionProcesses/scopeAssignments", token, "{\"value\":[{\"scopeId\":\"other\","
                + "\"solutionProcessVersionId\":\"" + p.get("solutionProcessVersionId").asText()
                + "\",\"isScoped\":true}]}").status()).isEqualTo(404);
    }
}
