package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.WireMaps;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The assignment of a task (user story, requirement, ...) to a solution process in a scope, as SAP's copy-template
 * notebook reads and writes it ({@code /calm-tasks/v1/tasks/solutionProcessAssignments}).
 *
 * @param taskId the task
 * @param scopeId the scope, when sent
 * @param solutionScenarioVersionId the solution scenario version, when sent
 * @param solutionProcessId the solution process, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record SolutionProcessAssignment(String taskId, Optional<String> scopeId,
                                        Optional<String> solutionScenarioVersionId,
                                        Optional<String> solutionProcessId, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param taskId see {@link #taskId()}
     * @param scopeId see {@link #scopeId()}
     * @param solutionScenarioVersionId see {@link #solutionScenarioVersionId()}
     * @param solutionProcessId see {@link #solutionProcessId()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public SolutionProcessAssignment {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(solutionScenarioVersionId, "solutionScenarioVersionId");
        Objects.requireNonNull(solutionProcessId, "solutionProcessId");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static SolutionProcessAssignment fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "solution process assignment");
        return new SolutionProcessAssignment(f.required("taskId"), f.text("scopeId"),
                f.text("solutionScenarioVersionId"), f.text("solutionProcessId"), f.others());
    }

    /**
     * An assignment to create, with the four ids SAP's notebook sends.
     *
     * @param taskId the task
     * @param scopeId the scope
     * @param solutionScenarioVersionId the solution scenario version
     * @param solutionProcessId the solution process
     * @return the assignment
     * @throws io.calmsdk.core.exception.ValidationException if an id is blank
     */
    public static SolutionProcessAssignment of(String taskId, String scopeId, String solutionScenarioVersionId,
                                               String solutionProcessId) {
        return new SolutionProcessAssignment(io.calmsdk.api.internal.Checks.notBlank("taskId", taskId),
                Optional.of(io.calmsdk.api.internal.Checks.notBlank("scopeId", scopeId)),
                Optional.of(io.calmsdk.api.internal.Checks.notBlank("solutionScenarioVersionId", solutionScenarioVersionId)),
                Optional.of(io.calmsdk.api.internal.Checks.notBlank("solutionProcessId", solutionProcessId)), Map.of());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("taskId", taskId).put("scopeId", scopeId)
                .put("solutionScenarioVersionId", solutionScenarioVersionId)
                .put("solutionProcessId", solutionProcessId).putOthers(otherFields).build();
    }
}
