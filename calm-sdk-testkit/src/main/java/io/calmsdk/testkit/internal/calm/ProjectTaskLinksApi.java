package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.util.ArrayList;
import java.util.List;

/**
 * Task references ({@code /calm-tasks/v1/tasks/{id}/references}, {@code /tasks/references/{id}}), solution
 * process assignments ({@code /calm-tasks/v1/tasks/solutionProcessAssignments}) and team roles
 * ({@code /calm-projects/v1/teams/{teamId}/roles[/{roleId}]}), as SAP's project-task, copy-template and user
 * staffing notebooks call them. Registered before the tasks routes, whose {@code /tasks/{id}} would otherwise
 * take {@code /tasks/solutionProcessAssignments}.
 */
final class ProjectTaskLinksApi {

    private static final String TASKS = CloudAlmApi.BASE + "/calm-tasks/v1/tasks";
    private static final String TEAMS = CloudAlmApi.BASE + "/calm-projects/v1/teams";

    private final CalmStore store;
    private final ProjectTaskLinks links;

    ProjectTaskLinksApi(CalmStore store) {
        this.store = store;
        this.links = store.families().links();
    }

    void register(Router router, CloudAlmApi api) {
        router.route("GET", TASKS + "/solutionProcessAssignments", api.scoped("calm-api.tasks.read", this::assignments))
                .route("POST", TASKS + "/solutionProcessAssignments", api.scoped("calm-api.tasks.write", this::assign))
                .route("PATCH", TASKS + "/references/{id}", api.scoped("calm-api.tasks.write", this::updateReference))
                .route("DELETE", TASKS + "/references/{id}", api.scoped("calm-api.tasks.write", r -> {
                    if (!links.deleteReference(r.pathParam("id"))) {
                        throw new ApiError(404, "NotFound", "Reference " + r.pathParam("id") + " not found");
                    }
                    return SimResponse.empty(204);
                }))
                .route("GET", TASKS + "/{id}/references", api.scoped("calm-api.tasks.read", r -> {
                    task(r.pathParam("id"));
                    return SimResponse.json(200, ProjectsApi.array(links.references(r.pathParam("id"))));
                }))
                .route("POST", TASKS + "/{id}/references", api.scoped("calm-api.tasks.write", this::addReference))
                .route("GET", TEAMS + "/{id}/roles", api.scoped("calm-api.projects.read", r -> {
                    team(r.pathParam("id"));
                    return SimResponse.json(200, ProjectsApi.array(links.roles(r.pathParam("id"))));
                }))
                .route("PATCH", TEAMS + "/{teamId}/roles/{roleId}", api.scoped("calm-api.projects.write", this::staff));
    }

    private ObjectNode task(String id) {
        return store.task(id).orElseThrow(() -> new ApiError(404, "NotFound", "Task " + id + " not found"));
    }

    private void team(String teamId) {
        for (JsonNode project : store.projects()) {
            if (store.teams(project.path("id").asText()).orElse(List.of()).stream()
                    .anyMatch(t -> t.path("id").asText().equals(teamId))) {
                return;
            }
        }
        throw new ApiError(404, "NotFound", "Team " + teamId + " not found");
    }

    private static ObjectNode nameAndUrl(SimRequest request, boolean create) {
        JsonNode body = request.json("BadRequest");
        if (!body.isObject()) {
            throw new ApiError(400, "BadRequest", "request body must be a JSON object");
        }
        ObjectNode fields = JsonSupport.object();
        for (String name : List.of("name", "url")) {
            JsonNode v = body.get(name);
            if (v != null && !v.isTextual()) {
                throw new ApiError(400, "BadRequest", name + " must be a string");
            }
            if (v != null) {
                fields.set(name, v);
            }
        }
        if (create && (!fields.hasNonNull("url") || fields.get("url").asText().isBlank())) {
            throw new ApiError(400, "BadRequest", "url is required");
        }
        return fields;
    }

    private SimResponse addReference(SimRequest request) {
        String taskId = request.pathParam("id");
        task(taskId);
        return SimResponse.json(201, links.addReference(taskId, nameAndUrl(request, true)));
    }

    private SimResponse updateReference(SimRequest request) {
        String id = request.pathParam("id");
        return SimResponse.json(200, links.updateReference(id, nameAndUrl(request, false)).orElseThrow(() ->
                new ApiError(404, "NotFound", "Reference " + id + " not found")));
    }

    private SimResponse assignments(SimRequest request) {
        String projectId = request.query("projectId").filter(s -> !s.isBlank()).orElseThrow(() ->
                new ApiError(400, "BadRequest", "projectId is required"));
        return SimResponse.json(200, ProjectsApi.array(links.assignments(projectId)));
    }

    private SimResponse assign(SimRequest request) {
        JsonNode body = request.json("BadRequest");
        if (!body.isArray() || body.isEmpty()) {
            throw new ApiError(400, "BadRequest", "request body must be a non-empty JSON array of assignments");
        }
        List<ObjectNode> checked = new ArrayList<>();
        for (JsonNode a : body) {
            for (String field : List.of("taskId", "scopeId", "solutionScenarioVersionId", "solutionProcessId")) {
                if (!a.path(field).isTextual() || a.path(field).asText().isBlank()) {
                    throw new ApiError(400, "BadRequest", field + " is required in every assignment");
                }
            }
            ObjectNode assignment = ((ObjectNode) a).deepCopy();
            assignment.put("projectId", task(a.get("taskId").asText()).path("projectId").asText());
            checked.add(assignment);
        }
        checked.forEach(links::assign);
        return SimResponse.json(201, ProjectsApi.array(checked));
    }

    private SimResponse staff(SimRequest request) {
        String teamId = request.pathParam("teamId");
        team(teamId);
        JsonNode members = request.json("BadRequest").path("members");
        if (!members.isArray()) {
            throw new ApiError(400, "BadRequest", "members must be an array of {userEmail}");
        }
        List<String> emails = new ArrayList<>();
        for (JsonNode m : members) {
            if (!m.path("userEmail").isTextual() || m.path("userEmail").asText().isBlank()) {
                throw new ApiError(400, "BadRequest", "every member needs a userEmail");
            }
            emails.add(m.get("userEmail").asText());
        }
        String roleId = request.pathParam("roleId");
        return SimResponse.json(200, links.staff(teamId, roleId, emails).orElseThrow(() ->
                new ApiError(404, "NotFound", "Role " + roleId + " not found in team " + teamId)));
    }
}
