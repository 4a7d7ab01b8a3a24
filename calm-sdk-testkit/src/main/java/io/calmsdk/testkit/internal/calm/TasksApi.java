package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code /api/calm-tasks/v1}: tasks of a project with filters ({@code type}, {@code assigneeId},
 * {@code status}, {@code lastChangedDate=gt:YYYY-MM-DD}) and {@code offset}/{@code limit} paging, and task
 * comments and references. Bare JSON arrays; create 201, PATCH 200 with the entity, DELETE 204.
 */
final class TasksApi {

    private static final String PATH = CloudAlmApi.BASE + "/calm-tasks/v1/tasks";
    private static final String READ = "calm-api.tasks.read";
    private static final String WRITE = "calm-api.tasks.write";
    private static final Set<String> TYPES = Set.of("CALMTASK", "CALMUS", "CALMST", "CALMREQU", "CALMDEF",
            "CALMRISK");
    private static final Set<Integer> PRIORITIES = Set.of(10, 20, 30, 40);
    private static final Set<String> UPDATABLE = Set.of("title", "description", "status", "priorityId",
            "assigneeId", "dueDate", "externalId");

    private final CalmStore store;

    TasksApi(CalmStore store) {
        this.store = store;
    }

    void register(Router router, CloudAlmApi api) {
        router.route("GET", PATH, api.scoped(READ, this::list))
                .route("POST", PATH, api.scoped(WRITE, this::create))
                .route("GET", PATH + "/{id}", api.scoped(READ, r -> SimResponse.json(200, task(r))))
                .route("PATCH", PATH + "/{id}", api.scoped(WRITE, this::update))
                .route("DELETE", PATH + "/{id}", api.scoped(WRITE, r -> {
                    if (!store.deleteTask(r.pathParam("id"))) {
                        throw notFound(r);
                    }
                    return SimResponse.empty(204);
                }))
                .route("GET", PATH + "/{id}/comments", api.scoped(READ, r -> {
                    task(r);
                    return SimResponse.json(200, ProjectsApi.array(store.comments(r.pathParam("id"))));
                }))
                .route("POST", PATH + "/{id}/comments", api.scoped(WRITE, this::comment));
        // References and solution process assignments: ProjectTaskLinksApi, registered before these routes.
    }

    private ObjectNode task(SimRequest request) {
        return store.task(request.pathParam("id")).orElseThrow(() -> notFound(request));
    }

    private static ApiError notFound(SimRequest request) {
        return new ApiError(404, "NotFound", "Task " + request.pathParam("id") + " not found");
    }

    private SimResponse list(SimRequest request) {
        String projectId = request.query("projectId").filter(s -> !s.isBlank())
                .orElseThrow(() -> new ApiError(400, "BadRequest", "query parameter projectId is required"));
        int offset = nonNegative(request, "offset", 0);
        int limit = nonNegative(request, "limit", -1);
        Predicate<Instant> changed = request.query("lastChangedDate").map(TasksApi::dateFilter).orElse(null);
        CalmStore.TaskFilter filter = new CalmStore.TaskFilter(projectId, request.query("type").orElse(null),
                request.query("assigneeId").orElse(null), request.query("status").orElse(null), changed);
        return SimResponse.json(200, ProjectsApi.array(store.tasks(filter, offset, limit)));
    }

    private static int nonNegative(SimRequest request, String name, int absent) {
        String value = request.query(name).orElse(null);
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "BadRequest", name + " must be a non-negative integer, was '" + value + "'");
        }
    }

    private static Predicate<Instant> dateFilter(String expression) {
        int colon = expression.indexOf(':');
        if (colon < 0) {
            throw new ApiError(400, "BadRequest", "lastChangedDate must look like gt:YYYY-MM-DD");
        }
        String op = expression.substring(0, colon);
        Instant day;
        try {
            day = LocalDate.parse(expression.substring(colon + 1)).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "BadRequest", "lastChangedDate needs a date YYYY-MM-DD: " + expression);
        }
        Instant nextDay = day.plusSeconds(86_400);
        switch (op) {
            case "gt":
                return t -> !t.isBefore(nextDay);
            case "ge":
                return t -> !t.isBefore(day);
            case "lt":
                return t -> t.isBefore(day);
            case "le":
                return t -> t.isBefore(nextDay);
            case "eq":
                return t -> !t.isBefore(day) && t.isBefore(nextDay);
            default:
                throw new ApiError(400, "BadRequest", "lastChangedDate operator must be gt, ge, lt, le or eq");
        }
    }

    private SimResponse create(SimRequest request) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        String projectId = body.path("projectId").asText("");
        if (projectId.isEmpty()) {
            throw new ApiError(400, "BadRequest", "projectId is required");
        }
        if (store.project(projectId).isEmpty()) {
            throw new ApiError(400, "BadRequest", "Project " + projectId + " does not exist");
        }
        JsonNode title = body.get("title");
        if (title == null || !title.isTextual() || title.asText().isBlank()) {
            throw new ApiError(400, "BadRequest", "title is required");
        }
        String type = body.path("type").asText("CALMTASK");
        if (!TYPES.contains(type)) {
            throw new ApiError(400, "BadRequest", "type must be one of " + TYPES);
        }
        if (type.equals("CALMST")) {
            String parent = body.path("parentId").asText("");
            if (parent.isEmpty() || store.task(parent).isEmpty()) {
                throw new ApiError(400, "BadRequest", "a sub-task (CALMST) needs the parentId of an existing task");
            }
        }
        checkPriority(body);
        return SimResponse.json(201, store.createTask((ObjectNode) body));
    }

    private static void checkPriority(JsonNode body) {
        JsonNode priority = body.get("priorityId");
        if (priority != null && !priority.isNull()
                && !(priority.canConvertToInt() && PRIORITIES.contains(priority.asInt()))) {
            throw new ApiError(400, "BadRequest", "priorityId must be 10, 20, 30 or 40");
        }
    }

    private SimResponse update(SimRequest request) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        ObjectNode current = task(request);
        for (String immutable : new String[] {"id", "projectId", "type"}) {
            if (body.has(immutable) && !body.get(immutable).asText().equals(current.path(immutable).asText())) {
                throw new ApiError(400, "BadRequest", immutable + " cannot be changed");
            }
        }
        if (body.has("title") && body.get("title").asText("").isBlank()) {
            throw new ApiError(400, "BadRequest", "title must not be blank");
        }
        checkPriority(body);
        ObjectNode changes = JsonSupport.object();
        body.properties().forEach(e -> {
            if (UPDATABLE.contains(e.getKey())) {
                changes.set(e.getKey(), e.getValue());
            }
        });
        return SimResponse.json(200, store.updateTask(request.pathParam("id"), changes)
                .orElseThrow(() -> notFound(request)));
    }

    private SimResponse comment(SimRequest request) {
        task(request);
        JsonNode body = request.json("BadRequest");
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new ApiError(400, "BadRequest", "text is required");
        }
        return SimResponse.json(201, store.addComment(request.pathParam("id"), text.asText()));
    }
}
