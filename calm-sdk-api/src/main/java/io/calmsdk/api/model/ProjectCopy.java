package io.calmsdk.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What copying a template project did ({@link io.calmsdk.api.ProjectsClient#copyFromTemplate(String, String)}):
 * the target project and, for each kind of item, which template item stands for which target item, whether this
 * call created it or found it from an earlier call, and what it activated in the target scopes.
 *
 * @param project the target project
 * @param projectCreated whether this call created the target project (else it was found by name)
 * @param scopeIds target scope id by template scope id
 * @param timeboxIds target timebox id by template timebox id
 * @param taskIds target task id by template task id, tasks and sub-tasks
 * @param assignmentsAdded how many solution process assignments this call added
 * @param scenarioVersionsAssigned the ids of the solution scenario versions this call assigned, by target scope id
 *        (only scopes it assigned some to)
 * @param processesScoped how many solution processes this call put in scope in the target scopes
 * @param created what this call created, one line each ({@code "task 'Design' (id)"}), in order
 */
public record ProjectCopy(Project project, boolean projectCreated, Map<String, String> scopeIds,
                          Map<String, String> timeboxIds, Map<String, String> taskIds, int assignmentsAdded,
                          Map<String, List<String>> scenarioVersionsAssigned, int processesScoped,
                          List<String> created) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param project see {@link #project()}
     * @param projectCreated see {@link #projectCreated()}
     * @param scopeIds see {@link #scopeIds()}
     * @param timeboxIds see {@link #timeboxIds()}
     * @param taskIds see {@link #taskIds()}
     * @param assignmentsAdded see {@link #assignmentsAdded()}
     * @param scenarioVersionsAssigned see {@link #scenarioVersionsAssigned()}
     * @param processesScoped see {@link #processesScoped()}
     * @param created see {@link #created()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public ProjectCopy {
        Objects.requireNonNull(project, "project");
        scopeIds = Map.copyOf(scopeIds);
        timeboxIds = Map.copyOf(timeboxIds);
        taskIds = Map.copyOf(taskIds);
        Map<String, List<String>> versions = new LinkedHashMap<>();
        scenarioVersionsAssigned.forEach((scope, ids) -> versions.put(scope, List.copyOf(ids)));
        scenarioVersionsAssigned = Collections.unmodifiableMap(versions);
        created = List.copyOf(created);
    }
}
