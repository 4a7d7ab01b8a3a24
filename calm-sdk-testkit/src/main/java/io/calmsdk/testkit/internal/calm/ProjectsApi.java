package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.util.List;
import java.util.Set;

/** {@code /api/calm-projects/v1}: projects, their timeboxes and teams, as bare JSON arrays. */
final class ProjectsApi {

    private static final String PATH = CloudAlmApi.BASE + "/calm-projects/v1/projects";
    private static final String READ = "calm-api.projects.read";
    private static final String WRITE = "calm-api.projects.write";
    private static final Set<String> UPDATABLE = Set.of("name", "description", "status", "startDate", "endDate",
            "purpose");

    private final CalmStore store;

    ProjectsApi(CalmStore store) {
        this.store = store;
    }

    void register(Router router, CloudAlmApi api) {
        router.route("GET", PATH, api.scoped(READ, r -> SimResponse.json(200, array(store.projects()))))
                .route("POST", PATH, api.scoped(WRITE, this::create))
                .route("GET", PATH + "/{id}", api.scoped(READ, r -> SimResponse.json(200,
                        store.project(r.pathParam("id")).orElseThrow(() -> notFound(r)))))
                .route("PATCH", PATH + "/{id}", api.scoped(WRITE, this::update))
                .route("PUT", PATH + "/{id}", api.scoped(WRITE, this::update))
                .route("DELETE", PATH + "/{id}", api.scoped(WRITE, r -> {
                    if (!store.deleteProject(r.pathParam("id"))) {
                        throw notFound(r);
                    }
                    return SimResponse.empty(204);
                }))
                .route("GET", PATH + "/{id}/timeboxes", api.scoped(READ, r -> SimResponse.json(200,
                        array(store.timeboxes(r.pathParam("id")).orElseThrow(() -> notFound(r))))))
                .route("GET", PATH + "/{id}/teams", api.scoped(READ, r -> SimResponse.json(200,
                        array(store.teams(r.pathParam("id")).orElseThrow(() -> notFound(r))))));
    }

    static ArrayNode array(List<ObjectNode> items) {
        ArrayNode array = JsonSupport.array();
        items.forEach(array::add);
        return array;
    }

    private static ApiError notFound(SimRequest request) {
        return new ApiError(404, "NotFound", "Project " + request.pathParam("id") + " not found");
    }

    private SimResponse create(SimRequest request) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        ObjectNode fields = validate((ObjectNode) body, true);
        return SimResponse.json(201, store.createProject(fields));
    }

    private SimResponse update(SimRequest request) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        ObjectNode changes = validate((ObjectNode) body, false);
        return SimResponse.json(200, store.updateProject(request.pathParam("id"), changes)
                .orElseThrow(() -> notFound(request)));
    }

    private static ObjectNode validate(ObjectNode body, boolean create) {
        JsonNode name = body.get("name");
        if (create && (name == null || !name.isTextual() || name.asText().isBlank())) {
            throw new ApiError(400, "BadRequest", "name is required");
        }
        if (name != null && (!name.isTextual() || name.asText().isBlank() || name.asText().length() > 255)) {
            throw new ApiError(400, "BadRequest", "name must be a non-blank string of at most 255 characters");
        }
        JsonNode status = body.get("status");
        if (status != null && !("O".equals(status.asText()) || "C".equals(status.asText()))) {
            throw new ApiError(400, "BadRequest", "status must be 'O' (active) or 'C' (hidden)");
        }
        if (body.has("id") && !create) {
            throw new ApiError(400, "BadRequest", "id cannot be changed");
        }
        ObjectNode fields = JsonSupport.object();
        body.properties().forEach(e -> {
            if (UPDATABLE.contains(e.getKey())) {
                fields.set(e.getKey(), e.getValue());
            }
        });
        return fields;
    }
}
