package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.Ids;
import io.calmsdk.testkit.internal.world.World;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Cloud ALM tenant's data: projects with timeboxes and teams, tasks (explicit and bulk-generated),
 * comments and process hierarchy nodes. Thread-safe: every method locks the store.
 */
public final class CalmStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Timebox type code of a sprint (0 milestone, 1 phase, 2 sprint), as SAP's notebook sends it. */
    static final int TIMEBOX_SPRINT = 2;

    private final World world;
    private final Map<String, ObjectNode> projects = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> timeboxes = new HashMap<>();
    private final Map<String, List<ObjectNode>> teams = new HashMap<>();
    private final Map<String, ObjectNode> tasks = new LinkedHashMap<>();
    private final List<TaskBlock> blocks = new ArrayList<>();
    private final Map<String, ObjectNode> generatedOverrides = new HashMap<>();
    private final Set<String> generatedDeleted = new HashSet<>();
    private final Map<String, List<ObjectNode>> comments = new HashMap<>();
    private final HierarchyStore hierarchy;
    private final CalmFamilies families;

    /**
     * Creates the store with the baseline hierarchy.
     *
     * @param world simulator state (clock)
     */
    public CalmStore(World world) {
        this.world = world;
        this.hierarchy = new HierarchyStore(world);
        this.families = new CalmFamilies(world);
    }

    /** @return the collections of the API families served generically (features, documents, ...) */
    public CalmFamilies families() {
        return families;
    }

    /** Back to the baseline: no projects or tasks, the baseline process hierarchy. */
    public synchronized void reset() {
        projects.clear();
        timeboxes.clear();
        teams.clear();
        tasks.clear();
        blocks.clear();
        generatedOverrides.clear();
        generatedDeleted.clear();
        comments.clear();
        hierarchy.reset();
        families.reset();
    }

    static String openStatus(String type) {
        switch (type) {
            case "CALMUS":
                return "CIPUSOPEN";
            case "CALMREQU":
                return "CIPREQUOPEN";
            case "CALMDEF":
                return "CIPDFCTOPEN";
            case "CALMRISK":
                return "CIPRISKOPEN";
            default:
                return "CIPTKOPEN";
        }
    }

    static String userName(String assigneeId) {
        return assigneeId == null ? null : "Simulated User " + assigneeId;
    }

    // ---------------------------------------------------------------- projects

    /**
     * Creates a project with three sprints and one team.
     *
     * @param fields validated fields (name required)
     * @return the project
     */
    public synchronized ObjectNode createProject(ObjectNode fields) {
        Instant now = world.now();
        ObjectNode project = JsonSupport.object();
        String id = Ids.uuid();
        project.put("id", id);
        project.put("name", fields.path("name").asText());
        project.set("description", fields.has("description") ? fields.get("description") : NullNode.getInstance());
        project.put("status", fields.path("status").asText("O"));
        project.put("purpose", fields.path("purpose").asText("IMPLEMENTATION"));
        LocalDate start = LocalDate.ofInstant(now, ZoneOffset.UTC);
        project.put("startDate", fields.path("startDate").asText(start.toString()));
        project.put("endDate", fields.path("endDate").asText(start.plusWeeks(6).toString()));
        project.putNull("programId");
        project.put("createdDate", JsonSupport.time(now));
        project.put("lastChangedDate", JsonSupport.time(now));
        projects.put(id, project);
        List<ObjectNode> sprints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode t = JsonSupport.object();
            t.put("id", Ids.uuid());
            t.put("projectId", id);
            t.put("name", "Sprint " + (i + 1));
            t.put("type", TIMEBOX_SPRINT);
            t.put("startDate", start.plusWeeks(2L * i).toString());
            t.put("endDate", start.plusWeeks(2L * i + 2).minusDays(1).toString());
            t.put("closed", false);
            sprints.add(t);
        }
        timeboxes.put(id, sprints);
        ObjectNode team = JsonSupport.object();
        team.put("id", Ids.uuid());
        team.put("projectId", id);
        team.put("name", "Project Team");
        teams.put(id, new ArrayList<>(List.of(team)));
        return project.deepCopy();
    }

    /** @return every project */
    public synchronized List<ObjectNode> projects() {
        List<ObjectNode> result = new ArrayList<>();
        projects.values().forEach(p -> result.add(p.deepCopy()));
        return result;
    }

    /**
     * A project.
     *
     * @param id project id
     * @return the project
     */
    public synchronized Optional<ObjectNode> project(String id) {
        return Optional.ofNullable(projects.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized Optional<ObjectNode> updateProject(String id, ObjectNode changes) {
        ObjectNode project = projects.get(id);
        if (project == null) {
            return Optional.empty();
        }
        changes.properties().forEach(e -> project.set(e.getKey(), e.getValue()));
        project.put("lastChangedDate", JsonSupport.time(world.now()));
        return Optional.of(project.deepCopy());
    }

    synchronized boolean deleteProject(String id) {
        if (projects.remove(id) == null) {
            return false;
        }
        timeboxes.remove(id);
        teams.remove(id);
        tasks.values().removeIf(t -> t.path("projectId").asText().equals(id));
        blocks.removeIf(b -> b.projectId.equals(id));
        return true;
    }

    synchronized Optional<List<ObjectNode>> timeboxes(String projectId) {
        return Optional.ofNullable(timeboxes.get(projectId)).map(CalmStore::copies);
    }

    /**
     * Adds a timebox to a project.
     *
     * @param projectId project
     * @param fields validated fields ({@code name}, {@code type}, {@code startDate}, {@code endDate},
     *     optional {@code closed})
     * @return the timebox, or empty when there is no such project
     */
    synchronized Optional<ObjectNode> createTimebox(String projectId, ObjectNode fields) {
        List<ObjectNode> list = timeboxes.get(projectId);
        if (list == null) {
            return Optional.empty();
        }
        ObjectNode t = JsonSupport.object();
        t.put("id", Ids.uuid());
        t.put("projectId", projectId);
        t.setAll(fields);
        if (!t.has("closed")) {
            t.put("closed", false);
        }
        list.add(t);
        return Optional.of(t.deepCopy());
    }

    /**
     * Changes a timebox of any project.
     *
     * @param timeboxId timebox
     * @param changes validated fields
     * @return the timebox after the change, or empty when there is no such timebox
     */
    synchronized Optional<ObjectNode> updateTimebox(String timeboxId, ObjectNode changes) {
        for (List<ObjectNode> list : timeboxes.values()) {
            for (ObjectNode t : list) {
                if (t.path("id").asText().equals(timeboxId)) {
                    t.setAll(changes);
                    return Optional.of(t.deepCopy());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Deletes a timebox of any project.
     *
     * @param timeboxId timebox
     * @return whether there was such a timebox
     */
    synchronized boolean deleteTimebox(String timeboxId) {
        for (List<ObjectNode> list : timeboxes.values()) {
            if (list.removeIf(t -> t.path("id").asText().equals(timeboxId))) {
                return true;
            }
        }
        return false;
    }

    synchronized Optional<List<ObjectNode>> teams(String projectId) {
        return Optional.ofNullable(teams.get(projectId)).map(CalmStore::copies);
    }

    private static List<ObjectNode> copies(List<ObjectNode> nodes) {
        List<ObjectNode> result = new ArrayList<>();
        nodes.forEach(n -> result.add(n.deepCopy()));
        return result;
    }

    // ---------------------------------------------------------------- tasks

    /**
     * Creates a task.
     *
     * @param fields validated fields (projectId, title, type required)
     * @return the task
     */
    public synchronized ObjectNode createTask(ObjectNode fields) {
        Instant now = world.now();
        ObjectNode task = JsonSupport.object();
        task.put("id", Ids.uuid());
        task.put("projectId", fields.path("projectId").asText());
        task.put("title", fields.path("title").asText());
        String type = fields.path("type").asText("CALMTASK");
        task.put("type", type);
        task.put("status", fields.path("status").asText(openStatus(type)));
        copyOrNull(fields, task, "externalId");
        copyOrNull(fields, task, "dueDate");
        task.put("priorityId", fields.path("priorityId").asInt(30));
        copyOrNull(fields, task, "assigneeId");
        task.put("assigneeName", userName(fields.path("assigneeId").asText(null)));
        task.putNull("timeboxName");
        task.putNull("timeboxStartDate");
        task.putNull("timeboxEndDate");
        copyOrNull(fields, task, "description");
        if (fields.has("parentId")) {
            task.set("parentId", fields.get("parentId"));
        }
        task.put("createdDate", JsonSupport.time(now));
        task.put("lastChangedDate", JsonSupport.time(now));
        tasks.put(task.get("id").asText(), task);
        return task.deepCopy();
    }

    private static void copyOrNull(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value == null) {
            to.putNull(field);
        } else {
            to.set(field, value);
        }
    }

    /**
     * Seeds tasks that are generated on demand.
     *
     * @param projectId project
     * @param count how many
     */
    public synchronized void seedTasks(String projectId, int count) {
        blocks.add(new TaskBlock(projectId, count, RANDOM.nextLong() | 1L, world.now()));
    }

    /**
     * A task, explicit or generated.
     *
     * @param id task id
     * @return the task
     */
    public synchronized Optional<ObjectNode> task(String id) {
        ObjectNode explicit = tasks.get(id);
        if (explicit != null) {
            return Optional.of(explicit.deepCopy());
        }
        if (generatedDeleted.contains(id)) {
            return Optional.empty();
        }
        ObjectNode override = generatedOverrides.get(id);
        if (override != null) {
            return Optional.of(override.deepCopy());
        }
        for (TaskBlock block : blocks) {
            int index = block.index(id);
            if (index >= 0) {
                return Optional.of(block.render(index));
            }
        }
        return Optional.empty();
    }

    synchronized Optional<ObjectNode> updateTask(String id, ObjectNode changes) {
        Optional<ObjectNode> current = task(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode task = current.get();
        changes.properties().forEach(e -> task.set(e.getKey(), e.getValue()));
        if (changes.has("assigneeId")) {
            task.put("assigneeName", userName(changes.get("assigneeId").asText(null)));
        }
        task.put("lastChangedDate", JsonSupport.time(world.now()));
        if (tasks.containsKey(id)) {
            tasks.put(id, task);
        } else {
            generatedOverrides.put(id, task);
        }
        return Optional.of(task.deepCopy());
    }

    synchronized boolean deleteTask(String id) {
        if (tasks.remove(id) != null) {
            comments.remove(id);
            return true;
        }
        if (task(id).isPresent()) {
            generatedDeleted.add(id);
            generatedOverrides.remove(id);
            comments.remove(id);
            return true;
        }
        return false;
    }

    /**
     * Filters for a task list; each is null when not given.
     *
     * @param projectId project (required)
     * @param type type filter
     * @param assigneeId assignee filter
     * @param status status filter
     * @param lastChanged filter on the last change time
     */
    record TaskFilter(String projectId, String type, String assigneeId, String status,
                      Predicate<Instant> lastChanged) {

        boolean test(String taskProject, String taskType, String taskAssignee, String taskStatus, Instant changed) {
            return projectId.equals(taskProject)
                    && (type == null || type.equals(taskType))
                    && (assigneeId == null || assigneeId.equals(taskAssignee))
                    && (status == null || status.equals(taskStatus))
                    && (lastChanged == null || lastChanged.test(changed));
        }
    }

    /**
     * One page of matching tasks: generated blocks first, then explicit tasks, each in creation order.
     * Generated tasks are tested from their formula and rendered only when on the page.
     *
     * @param filter filters
     * @param offset matches to skip
     * @param limit most tasks to return, or -1 for all
     * @return the page
     */
    synchronized List<ObjectNode> tasks(TaskFilter filter, int offset, int limit) {
        List<ObjectNode> page = new ArrayList<>();
        int skipped = 0;
        for (TaskBlock block : blocks) {
            if (!block.projectId.equals(filter.projectId())) {
                continue;
            }
            for (int i = 0; i < block.count; i++) {
                if (limit >= 0 && page.size() >= limit) {
                    return page;
                }
                String id = generatedDeleted.isEmpty() && generatedOverrides.isEmpty() ? null : block.id(i);
                if (id != null && generatedDeleted.contains(id)) {
                    continue;
                }
                ObjectNode override = id == null ? null : generatedOverrides.get(id);
                boolean match = override != null ? matches(filter, override)
                        : filter.test(block.projectId, block.type(i), block.assigneeId(i), block.status(i),
                        block.lastChanged(i));
                if (!match) {
                    continue;
                }
                if (skipped < offset) {
                    skipped++;
                } else {
                    page.add(override != null ? override.deepCopy() : block.render(i));
                }
            }
        }
        for (ObjectNode task : tasks.values()) {
            if (limit >= 0 && page.size() >= limit) {
                return page;
            }
            if (!matches(filter, task)) {
                continue;
            }
            if (skipped < offset) {
                skipped++;
            } else {
                page.add(task.deepCopy());
            }
        }
        return page;
    }

    private static boolean matches(TaskFilter filter, ObjectNode task) {
        return filter.test(task.path("projectId").asText(), task.path("type").asText(),
                task.path("assigneeId").asText(null), task.path("status").asText(),
                Instant.parse(task.path("lastChangedDate").asText()));
    }

    /**
     * How many tasks a project has.
     *
     * @param projectId project
     * @return explicit plus generated, minus deleted
     */
    public synchronized int taskCount(String projectId) {
        int count = 0;
        for (TaskBlock block : blocks) {
            if (block.projectId.equals(projectId)) {
                count += block.count;
            }
        }
        for (String deleted : generatedDeleted) {
            for (TaskBlock block : blocks) {
                if (block.projectId.equals(projectId) && block.index(deleted) >= 0) {
                    count--;
                }
            }
        }
        for (ObjectNode t : tasks.values()) {
            if (t.path("projectId").asText().equals(projectId)) {
                count++;
            }
        }
        return count;
    }

    synchronized List<ObjectNode> comments(String taskId) {
        return copies(comments.getOrDefault(taskId, List.of()));
    }

    synchronized ObjectNode addComment(String taskId, String text) {
        ObjectNode comment = JsonSupport.object();
        comment.put("id", Ids.uuid());
        comment.put("taskId", taskId);
        comment.put("text", text);
        comment.put("createdBy", "technical-user");
        comment.put("createdAt", JsonSupport.time(world.now()));
        comments.computeIfAbsent(taskId, k -> new ArrayList<>()).add(comment);
        return comment.deepCopy();
    }

    // ---------------------------------------------------------------- process hierarchy

    /** @return the process hierarchy, which has its own lock */
    HierarchyStore hierarchy() {
        return hierarchy;
    }

    /**
     * Adds level-3 nodes under the baseline level-2 nodes, for paging tests.
     *
     * @param count how many
     */
    public void seedHierarchyNodes(int count) {
        hierarchy.seed(count);
    }
}
