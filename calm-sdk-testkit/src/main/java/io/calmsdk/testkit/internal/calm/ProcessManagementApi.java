package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * The process management (and authoring) calls beyond plain collections, as SAP's process scopes and
 * copy-template notebooks make them: {@code GET/POST /scopes/{id}/solutionScenarioVersions} (assign content
 * versions to a scope, body {@code {"value": [{"id"}]}}; the solution processes of a version
 * ({@link CalmFamilies#VERSION_PROCESSES}) are then listed in the scope, out of scope),
 * {@code PATCH /solutionProcesses/scopeAssignments} (set processes in or out of scope, body
 * {@code {"value": [{scopeId, solutionScenarioVersionId, solutionProcessVersionId, isScoped, statusId?}]}}; a
 * process is in or out of scope per scope, so its row in {@link CalmFamilies#SCOPED_PROCESSES} is keyed by
 * {@link CalmFamilies#scopedProcessKey(String, String)}), and the flows of an authored solution process
 * ({@code GET /calm-processauthoring/v1/solutionProcesses/{id}/solutionProcessFlows}).
 */
final class ProcessManagementApi {

    private static final String BASE = CloudAlmApi.BASE + "/calm-processmanagement/v1";
    private static final String READ = "calm-api.processmanagement.read";
    private static final String WRITE = "calm-api.processmanagement.write";

    private final CalmFamilies families;

    ProcessManagementApi(CalmFamilies families) {
        this.families = families;
    }

    void register(Router router, CloudAlmApi api) {
        router.route("GET", BASE + "/scopes/{id}/solutionScenarioVersions", api.scoped(READ, r -> value(
                families.links().scopeVersions(scope(r)))))
                .route("POST", BASE + "/scopes/{id}/solutionScenarioVersions", api.scoped(WRITE, this::assign))
                .route("PATCH", BASE + "/solutionProcesses/scopeAssignments", api.scoped(WRITE, this::scopeAssignments))
                .route("GET", CloudAlmApi.BASE + "/calm-processauthoring/v1/solutionProcesses/{id}/solutionProcessFlows",
                        api.scoped("calm-api.processauthoring.read", this::flows));
    }

    private String scope(SimRequest request) {
        String id = request.pathParam("id");
        families.find(CalmFamilies.SCOPES, id).orElseThrow(() -> new ApiError(404, "NotFound", "Scope " + id
                + " not found"));
        return id;
    }

    private static SimResponse value(List<ObjectNode> items) {
        return value(200, items);
    }

    private static SimResponse value(int status, List<ObjectNode> items) {
        ObjectNode body = JsonSupport.object();
        ArrayNode value = body.putArray("value");
        items.forEach(value::add);
        return SimResponse.json(status, body);
    }

    private static List<JsonNode> values(SimRequest request) {
        JsonNode value = request.json("BadRequest").path("value");
        if (!value.isArray() || value.isEmpty()) {
            throw new ApiError(400, "BadRequest", "body must be {\"value\": [...]} with at least one entry");
        }
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        return out;
    }

    private SimResponse assign(SimRequest request) {
        String scopeId = scope(request);
        List<ObjectNode> stored = new ArrayList<>();
        List<ObjectNode> versions = new ArrayList<>();
        for (JsonNode v : values(request)) {
            String id = v.path("id").asText("");
            ObjectNode version = families.find(CalmFamilies.SCENARIO_VERSIONS, id).orElseThrow(() ->
                    new ApiError(400, "BadRequest", "solution scenario version '" + id + "' does not exist"));
            stored.add(version);
            versions.add(EntityTable.view(version, families.table(CalmFamilies.SCENARIO_VERSIONS).spec(), List.of()));
        }
        List<ObjectNode> assigned = families.links().assignVersions(scopeId, versions);
        String projectId = families.find(CalmFamilies.SCOPES, scopeId).orElseThrow().path("projectId").asText("");
        for (ObjectNode version : stored) {
            for (JsonNode p : version.path(CalmFamilies.VERSION_PROCESSES)) {
                String key = CalmFamilies.scopedProcessKey(scopeId, p.path("solutionProcessVersionId").asText());
                if (families.find(CalmFamilies.SCOPED_PROCESSES, key).isEmpty()) {
                    ObjectNode row = ((ObjectNode) p).deepCopy().put(CalmFamilies.SCOPED_PROCESS_KEY, key)
                            .put("projectId", projectId)
                            .put("scopeId", scopeId).put("solutionScenarioVersionId", version.path("id").asText())
                            .put("isScoped", false);
                    if (version.hasNonNull("solutionScenarioId")) {
                        row.put("solutionScenarioId", version.get("solutionScenarioId").asText());
                    }
                    families.create(CalmFamilies.SCOPED_PROCESSES, row);
                }
            }
        }
        return value(201, assigned);
    }

    /** The flows of an authored solution process: those whose {@code solutionProcess.id} is the process. */
    private SimResponse flows(SimRequest request) {
        String id = request.pathParam("id");
        families.find(CalmFamilies.SOLUTION_PROCESSES, id).orElseThrow(() -> new ApiError(404, "NotFound",
                "Solution process " + id + " not found"));
        List<ObjectNode> flows = new ArrayList<>();
        EntitySpec spec = families.table(CalmFamilies.FLOWS).spec();
        for (ObjectNode flow : families.table(CalmFamilies.FLOWS).all()) {
            if (flow.path("solutionProcess").path("id").asText().equals(id)) {
                flows.add(EntityTable.view(flow, spec, List.of()));
            }
        }
        return value(flows);
    }

    private SimResponse scopeAssignments(SimRequest request) {
        List<ObjectNode> changed = new ArrayList<>();
        for (JsonNode a : values(request)) {
            String versionId = a.path("solutionProcessVersionId").asText("");
            if (!a.path("isScoped").isBoolean() || versionId.isBlank() || a.path("scopeId").asText("").isBlank()) {
                throw new ApiError(400, "BadRequest", "every assignment needs scopeId, solutionProcessVersionId and a"
                        + " boolean isScoped");
            }
            ObjectNode change = JsonSupport.object().put("isScoped", a.get("isScoped").booleanValue());
            if (a.path("statusId").isTextual()) {
                change.put("statusId", a.get("statusId").asText());
            }
            String key = CalmFamilies.scopedProcessKey(a.get("scopeId").asText(), versionId);
            if (!families.update(CalmFamilies.SCOPED_PROCESSES, key, change)) {
                throw new ApiError(404, "NotFound", "solution process version " + versionId + " not found in scope "
                        + a.get("scopeId").asText());
            }
            changed.add(families.find(CalmFamilies.SCOPED_PROCESSES, key).orElseThrow());
        }
        List<ObjectNode> shown = new ArrayList<>();
        changed.forEach(c -> shown.add(EntityTable.view(c, families.table(CalmFamilies.SCOPED_PROCESSES).spec(),
                List.of())));
        return value(shown);
    }
}
