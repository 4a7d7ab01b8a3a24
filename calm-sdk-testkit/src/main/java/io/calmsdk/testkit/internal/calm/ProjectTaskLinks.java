package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What links tasks and teams to other things: task references (links to documents), solution process
 * assignments of tasks, and the roles of project teams with their members. Thread-safe.
 */
final class ProjectTaskLinks {

    /** The roles every simulated team has, as SAP's user staffing notebook finds them. */
    static final List<String> ROLE_NAMES = List.of("Project Lead", "Configuration Expert", "Test Manager");

    private final Map<String, ObjectNode> references = new LinkedHashMap<>();
    private final List<ObjectNode> assignments = new ArrayList<>();
    private final Map<String, List<ObjectNode>> roles = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> scopeVersions = new LinkedHashMap<>();

    synchronized void reset() {
        references.clear();
        assignments.clear();
        roles.clear();
        scopeVersions.clear();
    }

    /** Assigns solution scenario versions to a scope, each at most once; answers the scope's versions. */
    synchronized List<ObjectNode> assignVersions(String scopeId, List<ObjectNode> versions) {
        List<ObjectNode> list = scopeVersions.computeIfAbsent(scopeId, k -> new ArrayList<>());
        for (ObjectNode v : versions) {
            if (list.stream().noneMatch(e -> e.path("id").asText().equals(v.path("id").asText()))) {
                list.add(v.deepCopy());
            }
        }
        return scopeVersions(scopeId);
    }

    synchronized List<ObjectNode> scopeVersions(String scopeId) {
        List<ObjectNode> out = new ArrayList<>();
        scopeVersions.getOrDefault(scopeId, List.of()).forEach(v -> out.add(v.deepCopy()));
        return out;
    }

    synchronized ObjectNode addReference(String taskId, ObjectNode fields) {
        ObjectNode ref = fields.deepCopy();
        ref.put("id", Ids.uuid());
        ref.put("taskId", taskId);
        references.put(ref.get("id").asText(), ref);
        return ref.deepCopy();
    }

    synchronized List<ObjectNode> references(String taskId) {
        List<ObjectNode> out = new ArrayList<>();
        references.values().stream().filter(r -> r.path("taskId").asText().equals(taskId))
                .forEach(r -> out.add(r.deepCopy()));
        return out;
    }

    synchronized Optional<ObjectNode> updateReference(String id, ObjectNode changes) {
        ObjectNode ref = references.get(id);
        if (ref == null) {
            return Optional.empty();
        }
        ref.setAll(changes);
        return Optional.of(ref.deepCopy());
    }

    synchronized boolean deleteReference(String id) {
        return references.remove(id) != null;
    }

    synchronized void assign(ObjectNode assignment) {
        assignments.add(assignment.deepCopy());
    }

    synchronized List<ObjectNode> assignments(String projectId) {
        List<ObjectNode> out = new ArrayList<>();
        assignments.stream().filter(a -> a.path("projectId").asText().equals(projectId)).forEach(a -> out.add(a.deepCopy()));
        return out;
    }

    /** The roles of a team, made with no members when first asked for. */
    synchronized List<ObjectNode> roles(String teamId) {
        List<ObjectNode> list = roles.computeIfAbsent(teamId, id -> {
            List<ObjectNode> made = new ArrayList<>();
            for (String name : ROLE_NAMES) {
                ObjectNode role = JsonSupport.object();
                role.put("roleId", Ids.uuid());
                role.put("roleName", name);
                role.putArray("members");
                made.add(role);
            }
            return made;
        });
        List<ObjectNode> out = new ArrayList<>();
        list.forEach(r -> out.add(r.deepCopy()));
        return out;
    }

    synchronized Optional<ObjectNode> staff(String teamId, String roleId, List<String> emails) {
        roles(teamId);
        for (ObjectNode role : roles.get(teamId)) {
            if (role.path("roleId").asText().equals(roleId)) {
                var members = role.putArray("members");
                for (String email : emails) {
                    members.addObject().put("userEmail", email).put("userId", email.substring(0, email.indexOf('@') < 0
                            ? email.length() : email.indexOf('@')));
                }
                return Optional.of(role.deepCopy());
            }
        }
        return Optional.empty();
    }
}
