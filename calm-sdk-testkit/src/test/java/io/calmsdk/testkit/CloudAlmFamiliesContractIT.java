package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generically served Cloud ALM API families (features, documents, test management, ...) against the contract. */
@CalmSimulatorTest
class CloudAlmFamiliesContractIT {

    private static final String[] ALL = {"calm-api.features.read", "calm-api.features.write",
        "calm-api.documents.read", "calm-api.documents.write", "calm-api.documents.delete",
        "calm-api.testcases.read", "calm-api.testcases.write", "calm-api.testcases.delete",
        "calm-api.processmanagement.read", "calm-api.processauthoring.read", "calm-api.processauthoring.write",
        "calm-api.analytics.read", "calm-api.landscape.read", "calm-api.bsm.read", "calm-api.projects.read",
        "calm-api.projects.write", "calm-api.tasks.read", "calm-api.tasks.write", "calm-api.processmanagement.write"};

    private final BtpSimulator sim;
    private final RawHttp http = new RawHttp();
    private String api;
    private String token;

    CloudAlmFamiliesContractIT(BtpSimulator sim) {
        this.sim = sim;
    }

    @BeforeEach
    void key() {
        JsonNode key = sim.seed().cloudAlmKey(ALL).tree();
        api = key.at("/endpoints/Api").asText();
        token = http.token(key);
    }

    private RawHttp.Reply withIfMatch(String method, String url, String ifMatch, String json) {
        HttpRequest.Builder r = RawHttp.request(url).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return http.send(r.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String q(String text) {
        return RawHttp.enc(text);
    }

    @Test
    void features_odataListing_filterSelectOrderCountAndNextLinks() {
        sim.cloudAlm().seedFeatures("p1", 130);
        sim.cloudAlm().seedFeatures("p2", 2);
        String url = api + "/calm-features/v1/Features";
        JsonNode page = http.get(url + "?$filter=" + q("projectId eq 'p1' and priorityCode eq 10") + "&$count=true"
                + "&$select=title&$orderby=" + q("title desc") + "&$top=10&$skip=2", token).json();
        assertThat(page.get("@count").asInt()).isEqualTo(33);
        assertThat(page.get("value")).hasSize(10);
        assertThat(page.get("value").get(0).has("uuid")).isTrue();
        assertThat(page.get("value").get(0).has("priorityCode")).isFalse();
        assertThat(page.has("@odata.nextLink")).isFalse();

        // No $top: the server pages at its page size and links to the rest.
        List<String> titles = new ArrayList<>();
        String next = url + "?$filter=" + q("projectId eq 'p1'");
        int requests = 0;
        while (next != null) {
            JsonNode body = http.get(next, token).json();
            body.get("value").forEach(v -> titles.add(v.get("title").asText()));
            next = body.has("@odata.nextLink") ? url.substring(0, url.lastIndexOf('/') + 1)
                    + body.get("@odata.nextLink").asText() : null;
            requests++;
        }
        assertThat(titles).hasSize(130).doesNotHaveDuplicates();
        assertThat(requests).isGreaterThan(1);

        assertThat(http.get(url + "?$filter=" + q("colour eq 'red'"), token).status()).isEqualTo(400);
        assertThat(http.get(url + "?$orderby=colour", token).status()).isEqualTo(400);
        assertThat(http.get(url + "?$skip=-1", token).status()).isEqualTo(400);
        assertThat(http.get(url + "?$expand=toNothing", token).status()).isEqualTo(400);
    }

    @Test
    void features_crudAndReferences_keyInParenthesesOrPath() {
        String url = api + "/calm-features/v1/Features";
        assertThat(http.post(url, token, "{\"title\":\"No project\"}").status()).isEqualTo(400);
        assertThat(http.post(url, token, "[]").status()).isEqualTo(400);
        RawHttp.Reply created = http.post(url, token, "{\"title\":\"SSO\",\"projectId\":\"p1\",\"@odata.type\":\"x\"}");
        assertThat(created.status()).isEqualTo(201);
        String uuid = created.json().get("uuid").asText();
        assertThat(created.header("Location")).contains("Features(" + uuid + ")");
        assertThat(created.json().has("@odata.type")).isFalse();
        assertThat(http.get(url + "('" + uuid + "')", token).json().get("title").asText()).isEqualTo("SSO");
        RawHttp.Reply patched = http.patch(url + "/" + uuid, token, "{\"title\":\"SSO 2\",\"uuid\":\"other\"}");
        assertThat(patched.json().get("uuid").asText()).isEqualTo(uuid);
        assertThat(patched.json().get("title").asText()).isEqualTo("SSO 2");
        assertThat(sim.cloudAlm().find("/calm-features/v1/Features", uuid)).isPresent();

        String refs = api + "/calm-features/v1/ExternalReferences";
        assertThat(http.post(refs, token, "{\"parentUuid\":\"" + uuid + "\",\"name\":\"Spec\",\"url\":\"https://x\"}")
                .status()).isEqualTo(201);
        assertThat(http.get(refs + "?$filter=" + q("parentUuid eq '" + uuid + "'"), token).json().get("value"))
                .hasSize(1);

        assertThat(http.delete(url + "/" + uuid, token).status()).isEqualTo(204);
        assertThat(http.delete(url + "/" + uuid, token).status()).isEqualTo(404);
        assertThat(http.patch(url + "/" + uuid, token, "{\"title\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.get(url + "/" + uuid, token).status()).isEqualTo(404);
        assertThat(sim.cloudAlm().count("/calm-features/v1/Features")).isZero();
    }

    @Test
    void testCases_deepInsertNavigationAndEtags() {
        String url = api + "/calm-testmanagement/v1/ManualTestCases";
        RawHttp.Reply created = http.post(url, token, "{\"title\":\"TC\",\"projectId\":\"p1\",\"toReferences\":"
                + "[{\"name\":\"Ref\",\"url\":\"https://r\"}],\"toActivities\":[{\"sequence\":1,\"title\":\"A1\","
                + "\"toActions\":[{\"sequence\":1,\"title\":\"Act\"}],\"toApplications\":[{\"title\":\"App\","
                + "\"url\":\"https://a\"}]}]}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode tc = created.json();
        String uuid = tc.get("uuid").asText();
        assertThat(tc.at("/toActivities/0/uuid").asText()).isNotBlank();
        assertThat(tc.at("/toActivities/0/toActions/0/uuid").asText()).isNotBlank();
        assertThat(tc.at("/toReferences/0/uuid").asText()).isNotBlank();
        assertThat(created.header("ETag")).contains("W/\"" + tc.get("modifiedAt").asText() + "\"");

        JsonNode plain = http.get(url + "/" + uuid, token).json();
        assertThat(plain.has("toActivities")).isFalse();
        JsonNode expanded = http.get(url + "/" + uuid + "?$expand=" + q("toActivities($expand=toActions),toReferences"),
                token).json();
        assertThat(expanded.get("toActivities")).hasSize(1);
        assertThat(expanded.get("toReferences")).hasSize(1);

        String modifiedAt = plain.get("modifiedAt").asText();
        assertThat(withIfMatch("PATCH", url + "/" + uuid, null, "{\"isPrepared\":true}").status()).isEqualTo(428);
        RawHttp.Reply changed = withIfMatch("PATCH", url + "/" + uuid, modifiedAt, "{\"isPrepared\":true}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(withIfMatch("PATCH", url + "/" + uuid, "W/\"" + modifiedAt + "\"", "{\"title\":\"x\"}").status())
                .isEqualTo(412);
        String current = changed.json().get("modifiedAt").asText();
        assertThat(withIfMatch("PATCH", url + "/" + uuid, "W/\"" + current + "\"", "{\"title\":\"y\"}").status())
                .isEqualTo(200);
        assertThat(withIfMatch("PATCH", url + "/" + uuid, "*", "{\"title\":\"z\"}").status()).isEqualTo(200);

        RawHttp.Reply activity = http.post(url + "/" + uuid + "/toActivities", token, "{\"sequence\":2,\"title\":\"A2\","
                + "\"parent_ID\":\"" + uuid + "\",\"toActions\":[{\"sequence\":1,\"title\":\"S\"}]}");
        assertThat(activity.status()).isEqualTo(201);
        assertThat(activity.json().at("/toActions/0/uuid").asText()).isNotBlank();
        assertThat(http.get(url + "/" + uuid + "/toActivities", token).json().get("value")).hasSize(2);
        assertThat(http.post(url + "/nope/toActivities", token, "{\"title\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.get(url + "/nope/toActivities", token).status()).isEqualTo(404);

        sim.cloudAlm().markTestCaseExecuted(uuid);
        String latest = http.get(url + "/" + uuid, token).json().get("modifiedAt").asText();
        assertThat(withIfMatch("DELETE", url + "/" + uuid, latest, null).status()).isEqualTo(412);
        String other = sim.cloudAlm().createManualTestCase("p1", "Other");
        String otherEtag = http.get(url + "/" + other, token).json().get("modifiedAt").asText();
        assertThat(withIfMatch("DELETE", url + "/" + other, otherEtag, null).status()).isEqualTo(204);
    }

    @Test
    void restCollections_offsetLimitFilters_andDataSetParametersAreNotRowFilters() {
        sim.cloudAlm().seedLandscapeObjects(9);
        sim.cloudAlm().seedStatusEvents(6);
        sim.cloudAlm().seedDataSet("DP_TASKS", 5);
        sim.cloudAlm().addAnalyticsProvider("DP_TASKS", "Tasks");
        JsonNode objects = http.get(api + "/calm-landscape/v1/landscapeObjects?objectType=LogicalSystem&offset=1"
                + "&limit=2", token).json();
        assertThat(objects.isArray()).isTrue();
        assertThat(objects).hasSize(2).allSatisfy(o -> assertThat(o.get("objectType").asText()).isEqualTo("LogicalSystem"));
        assertThat(http.get(api + "/calm-landscape/v1/landscapeObjects?limit=x", token).status()).isEqualTo(400);
        assertThat(http.get(api + "/bsm-service/v1/events?type=MAINTENANCE", token).json()).hasSize(2);
        assertThat(http.post(api + "/bsm-service/v1/events", token, "{}").status()).isEqualTo(405);
        JsonNode rows = http.get(api + "/calm-analytics/v1/odata/v4/analytics/DataSet?$filter="
                + q("provider eq 'DP_TASKS' and query eq 'project=1' and period eq 'L7D'"), token).json();
        assertThat(rows.get("value")).hasSize(5);
        assertThat(rows.get("value").get(0).has("_row")).isFalse();
        assertThat(http.get(api + "/calm-analytics/v1/analytics/providers", token).json()).hasSize(1);
    }

    @Test
    void missingScope_answers403_andUnknownSeedTargetsAreRefused() {
        JsonNode key = sim.seed().cloudAlmKey("calm-api.features.read").tree();
        String readOnly = http.token(key);
        assertThat(http.post(api + "/calm-features/v1/Features", readOnly, "{\"title\":\"x\",\"projectId\":\"p\"}")
                .status()).isEqualTo(403);
        assertThat(http.get(api + "/calm-documents/v1/Documents", readOnly).status()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sim.cloudAlm().markTestCaseExecuted("nope"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sim.cloudAlm().count("/calm-nothing/v1/X"))
                .isInstanceOf(IllegalArgumentException.class);
        sim.cloudAlm().seedDocuments("p1", 2);
        sim.cloudAlm().seedScopes("p1", 2);
        sim.cloudAlm().seedSolutionScenarioVersions(1);
        sim.cloudAlm().seedScopedSolutionProcesses("p1", "s1", 2);
        sim.cloudAlm().seedBusinessProcesses(2);
        assertThat(sim.cloudAlm().count("/calm-documents/v1/Documents")).isEqualTo(2);
        assertThat(sim.cloudAlm().count("/calm-processmanagement/v1/solutionProcesses")).isEqualTo(2);
        sim.reset();
        assertThat(sim.cloudAlm().count("/calm-documents/v1/Documents")).isZero();
    }

    @Test
    void taskReferencesAssignmentsAndTeamRoles_asInSapsNotebooks() {
        String project = sim.cloudAlm().createProject("Links");
        String task = sim.cloudAlm().createTask(project, "T", "CALMTASK");
        String tasks = api + "/calm-tasks/v1/tasks";
        RawHttp.Reply ref = http.post(tasks + "/" + task + "/references", token, "{\"name\":\"SAP\",\"url\":\"http://www.sap.com\"}");
        assertThat(ref.status()).isEqualTo(201);
        String refId = ref.json().get("id").asText();
        assertThat(http.post(tasks + "/" + task + "/references", token, "{\"name\":\"no url\"}").status()).isEqualTo(400);
        assertThat(http.post(tasks + "/" + task + "/references", token, "{\"url\":1}").status()).isEqualTo(400);
        assertThat(http.post(tasks + "/" + task + "/references", token, "[]").status()).isEqualTo(400);
        assertThat(http.post(tasks + "/nope/references", token, "{\"url\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.patch(tasks + "/references/" + refId, token, "{\"name\":\"Portal\"}").json().get("name").asText())
                .isEqualTo("Portal");
        assertThat(http.patch(tasks + "/references/nope", token, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(http.get(tasks + "/" + task + "/references", token).json()).hasSize(1);
        assertThat(http.delete(tasks + "/references/" + refId, token).status()).isEqualTo(204);
        assertThat(http.delete(tasks + "/references/" + refId, token).status()).isEqualTo(404);

        String assignments = tasks + "/solutionProcessAssignments";
        assertThat(http.post(assignments, token, "[{\"taskId\":\"" + task + "\",\"scopeId\":\"s\","
                + "\"solutionScenarioVersionId\":\"v\",\"solutionProcessId\":\"p\"}]").status()).isEqualTo(201);
        assertThat(http.post(assignments, token, "[{\"taskId\":\"" + task + "\"}]").status()).isEqualTo(400);
        assertThat(http.post(assignments, token, "[]").status()).isEqualTo(400);
        assertThat(http.get(assignments + "?projectId=" + project, token).json()).hasSize(1);
        assertThat(http.get(assignments, token).status()).isEqualTo(400);

        String team = http.get(api + "/calm-projects/v1/projects/" + project + "/teams", token).json().get(0).get("id")
                .asText();
        JsonNode roles = http.get(api + "/calm-projects/v1/teams/" + team + "/roles", token).json();
        assertThat(roles).hasSize(3);
        String role = roles.get(1).get("roleId").asText();
        String rolePath = api + "/calm-projects/v1/teams/" + team + "/roles/";
        RawHttp.Reply staffed = http.patch(rolePath + role, token, "{\"members\":[{\"userEmail\":\"test@example.com\"}]}");
        assertThat(staffed.json().at("/members/0/userId").asText()).isEqualTo("test");
        assertThat(http.patch(rolePath + role, token, "{\"members\":{}}").status()).isEqualTo(400);
        assertThat(http.patch(rolePath + role, token, "{\"members\":[{}]}").status()).isEqualTo(400);
        assertThat(http.patch(rolePath + "nope", token, "{\"members\":[]}").status()).isEqualTo(404);
        assertThat(http.get(api + "/calm-projects/v1/teams/nope/roles", token).status()).isEqualTo(404);
    }

    @Test
    void processManagement_scopeVersionsAndScopeAssignments() {
        String scope = sim.cloudAlm().seedScopes("p1", 1).get(0);
        sim.cloudAlm().seedSolutionScenarioVersions(2);
        sim.cloudAlm().seedScopedSolutionProcesses("p1", scope, 2);
        String pm = api + "/calm-processmanagement/v1";
        String version = http.get(pm + "/solutionScenarioVersions", token).json().at("/value/0/id").asText();
        String versions = pm + "/scopes/" + scope + "/solutionScenarioVersions";
        RawHttp.Reply assigned = http.post(versions, token, "{\"value\":[{\"id\":\"" + version + "\"},{\"id\":\""
                + version + "\"}]}");
        assertThat(assigned.status()).isEqualTo(201);
        assertThat(assigned.json().get("value")).hasSize(1);
        assertThat(http.get(versions, token).json().get("value")).hasSize(1);
        assertThat(http.post(versions, token, "{\"value\":[{\"id\":\"nope\"}]}").status()).isEqualTo(400);
        assertThat(http.post(versions, token, "{\"value\":[]}").status()).isEqualTo(400);
        assertThat(http.get(pm + "/scopes/nope/solutionScenarioVersions", token).status()).isEqualTo(404);

        JsonNode process = http.get(pm + "/solutionProcesses?projectId=p1&scopeId=" + scope, token).json().at("/value/1");
        String versionId = process.get("solutionProcessVersionId").asText();
        String assignments = pm + "/solutionProcesses/scopeAssignments";
        RawHttp.Reply changed = http.patch(assignments, token, "{\"value\":[{\"scopeId\":\"" + scope + "\","
                + "\"solutionProcessVersionId\":\"" + versionId + "\",\"isScoped\":true}]}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().at("/value/0/isScoped").asBoolean()).isTrue();
        assertThat(http.patch(assignments, token, "{\"value\":[{\"scopeId\":\"s\",\"solutionProcessVersionId\":\"nope\","
                + "\"isScoped\":true}]}").status()).isEqualTo(404);
        assertThat(http.patch(assignments, token, "{\"value\":[{\"scopeId\":\"s\"}]}").status()).isEqualTo(400);

        String sp = sim.cloudAlm().createSolutionProcessWithFlows(3);
        String pa = api + "/calm-processauthoring/v1/solutionProcesses/";
        assertThat(http.get(pa + sp + "/solutionProcessFlows", token).json().get("value")).hasSize(3);
        assertThat(http.get(pa + "nope/solutionProcessFlows", token).status()).isEqualTo(404);
    }
}
