package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.calm.CalmStore;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated Cloud ALM tenant's data, to seed and inspect it directly. Bulk-seeded tasks are generated
 * lazily: a million of them cost almost no memory until a page is read. Cleared by
 * {@link BtpSimulator#reset()}. Thread-safe.
 */
public final class CloudAlmData {

    private final CalmStore store;

    CloudAlmData(CalmStore store) {
        this.store = store;
    }

    /**
     * Creates a project (with three sprints and a team).
     *
     * @param name project name
     * @return its id
     */
    public String createProject(String name) {
        ObjectNode fields = JsonSupport.object();
        fields.put("name", Objects.requireNonNull(name, "name"));
        return store.createProject(fields).get("id").asText();
    }

    /**
     * Creates projects named {@code Project 1} to {@code Project n}.
     *
     * @param count how many
     * @return their ids
     */
    public List<String> seedProjects(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(createProject("Project " + i));
        }
        return ids;
    }

    /**
     * Creates a task.
     *
     * @param projectId project
     * @param title title
     * @param type task type, e.g. {@code CALMTASK}
     * @return its id
     */
    public String createTask(String projectId, String title, String type) {
        requireProject(projectId);
        ObjectNode fields = JsonSupport.object();
        fields.put("projectId", projectId);
        fields.put("title", Objects.requireNonNull(title, "title"));
        fields.put("type", Objects.requireNonNull(type, "type"));
        return store.createTask(fields).get("id").asText();
    }

    /**
     * Adds tasks that are generated on demand: types cycle through CALMTASK, CALMUS, CALMREQU, CALMDEF,
     * assignees through {@code user-0} to {@code user-6}, last-change dates over about a year.
     *
     * @param projectId project
     * @param count how many
     */
    public void seedTasks(String projectId, int count) {
        requireProject(projectId);
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        store.seedTasks(projectId, count);
    }

    /**
     * Adds process hierarchy nodes below the baseline nodes.
     *
     * @param count how many
     */
    public void seedHierarchyNodes(int count) {
        store.seedHierarchyNodes(count);
    }

    /**
     * How many tasks a project has.
     *
     * @param projectId project
     * @return the count
     */
    public int taskCount(String projectId) {
        return store.taskCount(projectId);
    }

    /** @return every project as the API shows it */
    public List<JsonNode> projects() {
        return new ArrayList<>(store.projects());
    }

    /**
     * Looks a task up, as the API shows it.
     *
     * @param id task id
     * @return the task, or empty when there is none with that id
     */
    public Optional<JsonNode> findTask(String id) {
        return store.task(id).map(JsonNode.class::cast);
    }

    private void requireProject(String projectId) {
        if (store.project(projectId).isEmpty()) {
            throw new IllegalArgumentException("no project " + projectId);
        }
    }
}
