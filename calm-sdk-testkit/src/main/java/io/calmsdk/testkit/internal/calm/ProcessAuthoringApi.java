package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.util.List;

/**
 * The process authoring calls beyond plain collections, as SAP's process authoring notebook makes them: assets
 * of a solution process ({@code GET/POST /solutionProcesses/{id}/assets}), diagrams of a flow
 * ({@code GET/POST /solutionProcessFlows/{id}/solutionProcessFlowDiagrams}, {@code POST .../bpmn}), the one
 * value-flow diagram of a solution process ({@code GET /solutionProcesses/{id}/solutionValueFlowDiagram}, made
 * with the process on first read), and the lifecycle calls {@code POST /publishSolutionProcess/{id}} and
 * {@code POST /createDraftSolutionProcess/{id}}, both with {@code If-Match} (412 when stale, 428 without).
 * A draft has its own id; publishing it replaces the published process it was made from (which keeps its id)
 * and removes the draft. Status values {@code DRAFT} and {@code ACTIVE} are UNVERIFIED (the notebook names an
 * "ACTIVE SP VERSION" and drafts, not the field's values).
 */
final class ProcessAuthoringApi {

    private static final String BASE = CloudAlmApi.BASE + "/calm-processauthoring/v1";
    private static final String READ = "calm-api.processauthoring.read";
    private static final String WRITE = "calm-api.processauthoring.write";
    private static final String DRAFT_OF = "_draftOf";

    private final CalmFamilies families;

    ProcessAuthoringApi(CalmFamilies families) {
        this.families = families;
    }

    void register(Router router, CloudAlmApi api) {
        router.route("GET", BASE + "/solutionProcesses/{id}/assets", api.scoped(READ,
                        r -> children(r, CalmFamilies.ASSETS, "solutionProcess", process(r))))
                .route("POST", BASE + "/solutionProcesses/{id}/assets", api.scoped(WRITE,
                        r -> create(r, CalmFamilies.ASSETS, "solutionProcess", process(r))))
                .route("GET", BASE + "/solutionProcessFlows/{id}/solutionProcessFlowDiagrams", api.scoped(READ,
                        r -> children(r, CalmFamilies.FLOW_DIAGRAMS, "solutionProcessFlow", flow(r))))
                .route("POST", BASE + "/solutionProcessFlows/{id}/solutionProcessFlowDiagrams", api.scoped(WRITE,
                        r -> create(r, CalmFamilies.FLOW_DIAGRAMS, "solutionProcessFlow", flow(r))))
                .route("POST", BASE + "/solutionProcessFlows/{id}/solutionProcessFlowDiagrams/bpmn",
                        api.scoped(WRITE, this::createFromBpmn))
                .route("GET", BASE + "/solutionProcesses/{id}/solutionValueFlowDiagram", api.scoped(READ,
                        this::valueFlow))
                .route("POST", BASE + "/publishSolutionProcess/{id}", api.scoped(WRITE, this::publish))
                .route("POST", BASE + "/createDraftSolutionProcess/{id}", api.scoped(WRITE, this::createDraft));
    }

    private ObjectNode process(SimRequest request) {
        String id = request.pathParam("id");
        return families.find(CalmFamilies.SOLUTION_PROCESSES, id).orElseThrow(() -> new ApiError(404, "NotFound",
                "solutionProcesses " + id + " not found"));
    }

    private ObjectNode flow(SimRequest request) {
        String id = request.pathParam("id");
        return families.find(CalmFamilies.FLOWS, id).orElseThrow(() -> new ApiError(404, "NotFound",
                "solutionProcessFlows " + id + " not found"));
    }

    private static ObjectNode link(ObjectNode parent) {
        return JsonSupport.object().put("id", parent.path("id").asText());
    }

    /** The children of one parent, honouring {@code $skip}, {@code $top} and {@code $count}. */
    private SimResponse children(SimRequest request, String path, String linkField, ObjectNode parent) {
        EntityTable table = families.table(path);
        String parentId = parent.path("id").asText();
        List<ObjectNode> rows = table.all().stream()
                .filter(row -> row.path(linkField).path("id").asText().equals(parentId)).toList();
        int skip = Math.min(rows.size(), ODataPaging.nonNegative(request, "$skip", 0));
        int top = ODataPaging.nonNegative(request, "$top", Integer.MAX_VALUE);
        ObjectNode body = JsonSupport.object();
        body.put("@odata.context", "$metadata#" + table.spec().entityName());
        if (request.query("$count").map("true"::equalsIgnoreCase).orElse(false)) {
            body.put("@odata.count", rows.size());
        }
        ArrayNode value = body.putArray("value");
        rows.stream().skip(skip).limit(top).forEach(row -> value.add(EntityTable.view(row, table.spec(), List.of())));
        return SimResponse.json(200, body);
    }

    private SimResponse create(SimRequest request, String path, String linkField, ObjectNode parent) {
        ObjectNode fields = EntitySetApi.fields(request);
        return created(families.table(path), fields, linkField, parent);
    }

    private static SimResponse created(EntityTable table, ObjectNode fields, String linkField, ObjectNode parent) {
        EntitySpec spec = table.spec();
        for (String field : spec.required()) {
            if (fields.path(field).asText("").isBlank()) {
                throw new ApiError(400, "BadRequest", "Property '" + field + "' is required");
            }
        }
        fields.remove("id");
        fields.set(linkField, link(parent));
        ObjectNode row = table.create(fields);
        return EntitySetApi.withEtag(spec, SimResponse.json(201, EntitySetApi.entityBody(spec, row, List.of())), row);
    }

    private SimResponse createFromBpmn(SimRequest request) {
        ObjectNode flow = flow(request);
        ObjectNode body = EntitySetApi.fields(request);
        String bpmn = body.path("bpmn").asText("");
        if (!bpmn.contains("definitions")) {
            throw new ApiError(400, "BadRequest", "bpmn must be a BPMN 2.0 XML document (bpmn2:definitions)");
        }
        ObjectNode fields = JsonSupport.object().put("name", body.path("name").asText(""))
                .put("description", "").put("svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        return created(families.table(CalmFamilies.FLOW_DIAGRAMS), fields, "solutionProcessFlow", flow);
    }

    /**
     * The value-flow diagram of a process: SAP makes it with the process; the simulator on first read, one
     * first read at a time (two concurrent ones must not make two diagrams).
     */
    private synchronized SimResponse valueFlow(SimRequest request) {
        ObjectNode process = process(request);
        EntityTable table = families.table(CalmFamilies.VALUE_FLOWS);
        String id = process.path("id").asText();
        ObjectNode row = table.all().stream()
                .filter(r -> r.path("solutionProcess").path("id").asText().equals(id)).findFirst()
                .orElseGet(() -> table.create(JsonSupport.object().put("name", process.path("name").asText(""))
                        .put("description", "").put("svg", "").set("solutionProcess", link(process))));
        return EntitySetApi.withEtag(table.spec(), SimResponse.json(200,
                EntitySetApi.entityBody(table.spec(), row, List.of())), row);
    }

    private SimResponse publish(SimRequest request) {
        EntityTable table = families.table(CalmFamilies.SOLUTION_PROCESSES);
        ObjectNode process = process(request);
        EntitySetApi.checkEtag(table.spec(), request, process);
        String id = process.path("id").asText();
        String original = process.path(DRAFT_OF).asText("");
        ObjectNode changes = JsonSupport.object().put("status", "ACTIVE");
        if (original.isEmpty() || families.find(CalmFamilies.SOLUTION_PROCESSES, original).isEmpty()) {
            table.update(id, changes);
            return answer(table, id);
        }
        for (String field : List.of("name", "description", "countries", "externalId", "businessProcess")) {
            if (process.has(field)) {
                changes.set(field, process.get(field));
            }
        }
        table.update(original, changes);
        table.delete(id);
        return answer(table, original);
    }

    private SimResponse createDraft(SimRequest request) {
        EntityTable table = families.table(CalmFamilies.SOLUTION_PROCESSES);
        ObjectNode process = process(request);
        EntitySetApi.checkEtag(table.spec(), request, process);
        if (!process.path("status").asText("").equals("ACTIVE")) {
            throw new ApiError(400, "BadRequest", "a draft is made from a published (ACTIVE) solution process");
        }
        ObjectNode draft = process.deepCopy();
        draft.remove(List.of("id", "createdAt", "modifiedAt"));
        draft.put("status", "DRAFT").put(DRAFT_OF, process.path("id").asText());
        ObjectNode row = table.create(draft);
        return EntitySetApi.withEtag(table.spec(), SimResponse.json(201,
                EntitySetApi.entityBody(table.spec(), row, List.of())), row);
    }

    private static SimResponse answer(EntityTable table, String id) {
        ObjectNode row = table.find(id).orElseThrow();
        return EntitySetApi.withEtag(table.spec(), SimResponse.json(200,
                EntitySetApi.entityBody(table.spec(), row, List.of())), row);
    }
}
