package io.calmsdk.examples;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.Task;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A small piece of "your own code" built on calm-sdk: counts a project's tasks by status. It exists to
 * show, in {@code ProjectDigestIT}, how a project that depends on calm-sdk tests its code against the
 * calm-sdk-testkit simulator with the JUnit 5 extension.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProjectDigest {

    private final String projectId;
    private final Map<String, Integer> tasksByStatus;

    private ProjectDigest(String projectId, Map<String, Integer> tasksByStatus) {
        this.projectId = projectId;
        this.tasksByStatus = Map.copyOf(tasksByStatus);
    }

    /**
     * Reads all tasks of a project, page by page, and counts them by status.
     *
     * @param calm the client
     * @param projectId the project
     * @return the digest
     */
    public static ProjectDigest of(CloudAlmClient calm, String projectId) {
        Objects.requireNonNull(calm, "calm");
        Map<String, Integer> counts = new TreeMap<>();
        for (Task task : calm.tasks().list(projectId)) {
            counts.merge(task.status().orElse("(none)"), 1, Integer::sum);
        }
        return new ProjectDigest(projectId, counts);
    }

    /**
     * The project summarised.
     *
     * @return its id
     */
    public String projectId() {
        return projectId;
    }

    /**
     * How many tasks have each status.
     *
     * @return status code to count, e.g. {@code CIPTKOPEN=3}
     */
    public Map<String, Integer> tasksByStatus() {
        return tasksByStatus;
    }

    /**
     * All tasks of the project.
     *
     * @return the total
     */
    public int total() {
        return tasksByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public String toString() {
        return "ProjectDigest{" + projectId + ": " + tasksByStatus + "}";
    }
}
