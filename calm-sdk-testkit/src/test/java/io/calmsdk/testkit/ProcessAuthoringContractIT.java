package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The process authoring calls of SAP's notebook beyond plain collections (assets and diagrams below their
 * parent, the value-flow diagram, publish and create-draft) and timebox delete, over raw HTTP.
 */
@CalmSimulatorTest
class ProcessAuthoringContractIT {

    private final BtpSimulator sim;
    private final RawHttp http = new RawHttp();
    private String base;
    private String token;

    ProcessAuthoringContractIT(BtpSimulator sim) {
        this.sim = sim;
    }

    @BeforeEach
    void key() {
        JsonNode key = sim.seed().cloudAlmKey("calm-api.processauthoring.read", "calm-api.processauthoring.write",
                "calm-api.projects.read", "calm-api.projects.write").tree();
        base = key.at("/endpoints/Api").asText();
        token = http.token(key);
    }

    private RawHttp.Reply post(String url, String ifMatch, String json) {
        HttpRequest.Builder r = RawHttp.request(url).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return http.send(r.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void assetsAndDiagrams_belowTheirParent_pagedWithCount() {
        String sp = sim.cloudAlm().createSolutionProcessWithFlows(1);
        String pa = base + "/calm-processauthoring/v1";
        sim.cloudAlm().seedAssets(sp, 3);
        RawHttp.Reply created = post(pa + "/solutionProcesses/" + sp + "/assets", null,
                "{\"name\":\"Asset\",\"countryUrl\":[{\"country\":\"US\",\"url\":\"https://x\"}]}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isPresent();
        assertThat(created.json().at("/solutionProcess/id").asText()).isEqualTo(sp);
        assertThat(post(pa + "/solutionProcesses/" + sp + "/assets", null, "{\"countryUrl\":[]}").status())
                .isEqualTo(400);
        JsonNode page = http.get(pa + "/solutionProcesses/" + sp + "/assets?$skip=1&$top=2&$count=true", token).json();
        assertThat(page.get("@odata.count").asInt()).isEqualTo(4);
        assertThat(page.get("value")).hasSize(2);
        assertThat(http.get(pa + "/solutionProcesses/" + sp + "/assets?$top=x", token).status()).isEqualTo(400);
        assertThat(http.get(pa + "/solutionProcesses/nope/assets", token).status()).isEqualTo(404);

        String flow = http.get(pa + "/solutionProcesses/" + sp + "/solutionProcessFlows", token).json()
                .at("/value/0/id").asText();
        String diagrams = pa + "/solutionProcessFlows/" + flow + "/solutionProcessFlowDiagrams";
        assertThat(post(diagrams, null, "{\"name\":\"D\",\"svg\":\"<svg/>\"}").status()).isEqualTo(201);
        assertThat(post(diagrams + "/bpmn", null, "{\"name\":\"B\",\"bpmn\":\"<bpmn2:definitions/>\"}").status())
                .isEqualTo(201);
        assertThat(post(diagrams + "/bpmn", null, "{\"name\":\"B\",\"bpmn\":\"not xml\"}").status()).isEqualTo(400);
        assertThat(http.get(diagrams, token).json().get("value")).hasSize(2);
        assertThat(http.get(pa + "/solutionProcessFlows/nope/solutionProcessFlowDiagrams", token).status())
                .isEqualTo(404);

        RawHttp.Reply svf = http.get(pa + "/solutionProcesses/" + sp + "/solutionValueFlowDiagram", token);
        assertThat(svf.status()).isEqualTo(200);
        assertThat(http.get(pa + "/solutionProcesses/" + sp + "/solutionValueFlowDiagram", token).json().get("id"))
                .isEqualTo(svf.json().get("id"));
    }

    @Test
    void publishAndDraft_needIfMatch_andPublishedDraftReplacesOriginal() {
        String sp = sim.cloudAlm().createSolutionProcessWithFlows(0);
        String pa = base + "/calm-processauthoring/v1";
        String etag = http.get(pa + "/solutionProcesses/" + sp, token).header("ETag").orElseThrow();
        assertThat(post(pa + "/publishSolutionProcess/" + sp, null, "{}").status()).isEqualTo(428);
        assertThat(post(pa + "/createDraftSolutionProcess/" + sp, etag, "{}").status()).isEqualTo(400);
        RawHttp.Reply published = post(pa + "/publishSolutionProcess/" + sp, etag, "{}");
        assertThat(published.json().get("status").asText()).isEqualTo("ACTIVE");
        assertThat(post(pa + "/publishSolutionProcess/" + sp, etag, "{}").status()).isEqualTo(412);
        RawHttp.Reply draft = post(pa + "/createDraftSolutionProcess/" + sp, published.header("ETag").orElseThrow(),
                "{}");
        assertThat(draft.status()).isEqualTo(201);
        String draftId = draft.json().get("id").asText();
        RawHttp.Reply replaced = post(pa + "/publishSolutionProcess/" + draftId, draft.header("ETag").orElseThrow(),
                "{}");
        assertThat(replaced.json().get("id").asText()).isEqualTo(sp);
        assertThat(http.get(pa + "/solutionProcesses/" + draftId, token).status()).isEqualTo(404);
        assertThat(post(pa + "/publishSolutionProcess/nope", "*", "{}").status()).isEqualTo(404);
    }

    @Test
    void timeboxDelete_204ThenNotFound() {
        String project = sim.cloudAlm().createProject("Timeboxes");
        String id = http.get(base + "/calm-projects/v1/projects/" + project + "/timeboxes", token).json()
                .at("/0/id").asText();
        assertThat(http.delete(base + "/calm-projects/v1/timeboxes/" + id, token).status()).isEqualTo(204);
        assertThat(http.delete(base + "/calm-projects/v1/timeboxes/" + id, token).status()).isEqualTo(404);
    }
}
