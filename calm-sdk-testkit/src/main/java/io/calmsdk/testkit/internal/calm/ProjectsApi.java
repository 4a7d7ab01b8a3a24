package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/calm-projects/v1}: projects, their timeboxes (listed, created, changed) and teams, as bare JSON
 * arrays.
 */
final class ProjectsApi {

    private static final String PATH = CloudAlmApi.BASE + "/calm-projects/v1/projects";
    /** Timeboxes are changed outside their project, as in SAP's project-task notebook. */
    private static final String TIMEBOX = CloudAlmApi.BASE + "/calm-projects/v1/timeboxes/{id}";
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
                .route("POST", PATH + "/{id}/timeboxes", api.scoped(WRITE, r -> SimResponse.json(201,
                        store.createTimebox(r.pathParam("id"), timebox(r, true)).orElseThrow(() -> notFound(r)))))
                .route("PATCH", TIMEBOX, api.scoped(WRITE, r -> SimResponse.json(200,
                        store.updateTimebox(r.pathParam("id"), timebox(r, false)).orElseThrow(() ->
                                new ApiError(404, "NotFound", "Timebox " + r.pathParam("id") + " not found")))))
                .route("DELETE", TIMEBOX, api.scoped(WRITE, r -> {
                    if (!store.deleteTimebox(r.pathParam("id"))) {
                        throw new ApiError(404, "NotFound", "Timebox " + r.pathParam("id") + " not found");
                    }
                    return SimResponse.empty(204);
                }))
                .route("GET", PATH + "/{id}/teams", api.scoped(READ, r -> SimResponse.json(200,
                        array(store.teams(r.pathParam("id")).orElseThrow(() -> notFound(r))))));
    }

    /**
     * The fields of a timebox create or change, as SAP's project-task notebook sends them:
     * {@code {"type": 2, "name": "...", "startDate": "2022-02-07", "endDate": "2022-02-18", "closed": false}},
     * type 0 milestone, 1 phase, 2 sprint.
     */
    private static ObjectNode timebox(SimRequest request, boolean create) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        ObjectNode fields = JsonSupport.object();
        JsonNode name = body.get("name");
        if (name != null || create) {
            if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > 255) {
                throw new ApiError(400, "BadRequest", "name is required: a non-blank string of at most 255 characters");
            }
            fields.set("name", name);
        }
        JsonNode type = body.get("type");
        if (type != null || create) {
            if (type == null || !type.isIntegralNumber() || type.asInt() < 0 || type.asInt() > 2) {
                throw new ApiError(400, "BadRequest", "type is required: 0 (milestone), 1 (phase) or 2 (sprint)");
            }
            fields.set("type", type);
        }
        LocalDate start = date(body, "startDate", create, fields);
        LocalDate end = date(body, "endDate", create, fields);
        if (start != null && end != null && end.isBefore(start)) {
            throw new ApiError(400, "BadRequest", "endDate must not be before startDate");
        }
        JsonNode closed = body.get("closed");
        if (closed != null) {
            if (!closed.isBoolean()) {
                throw new ApiError(400, "BadRequest", "closed must be true or false");
            }
            fields.set("closed", closed);
        }
        return fields;
    }

    private static LocalDate date(JsonNode body, String field, boolean required, ObjectNode fields) {
        JsonNode value = body.get(field);
        if (value == null && !required) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value == null ? "" : value.asText());
            fields.put(field, date.toString());
            return date;
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "BadRequest", field + " is required: a date like 2022-02-07");
        }
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
