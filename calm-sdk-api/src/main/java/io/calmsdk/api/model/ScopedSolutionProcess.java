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
 * A solution process as the process management API lists it for scoping
 * ({@code /calm-processmanagement/v1/solutionProcesses?projectId=...&scopeId=...}), with SAP's field names from
 * SAP's process scopes and test management notebooks.
 *
 * @param solutionProcessId the solution process
 * @param solutionProcessVersionId the solution process version, when sent
 * @param solutionProcessVersionName the version's name, when sent
 * @param solutionScenarioId the solution scenario (content package, e.g. CUSTOM), when sent
 * @param solutionScenarioVersionId the solution scenario version, when sent
 * @param scopeId the scope, when sent
 * @param projectId the project, when sent
 * @param isScoped whether the process is in the scope, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record ScopedSolutionProcess(String solutionProcessId, Optional<String> solutionProcessVersionId,
                                    Optional<String> solutionProcessVersionName, Optional<String> solutionScenarioId,
                                    Optional<String> solutionScenarioVersionId, Optional<String> scopeId,
                                    Optional<String> projectId, Optional<Boolean> isScoped,
                                    Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param solutionProcessId see {@link #solutionProcessId()}
     * @param solutionProcessVersionId see {@link #solutionProcessVersionId()}
     * @param solutionProcessVersionName see {@link #solutionProcessVersionName()}
     * @param solutionScenarioId see {@link #solutionScenarioId()}
     * @param solutionScenarioVersionId see {@link #solutionScenarioVersionId()}
     * @param scopeId see {@link #scopeId()}
     * @param projectId see {@link #projectId()}
     * @param isScoped see {@link #isScoped()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public ScopedSolutionProcess {
        Objects.requireNonNull(solutionProcessId, "solutionProcessId");
        Objects.requireNonNull(solutionProcessVersionId, "solutionProcessVersionId");
        Objects.requireNonNull(solutionProcessVersionName, "solutionProcessVersionName");
        Objects.requireNonNull(solutionScenarioId, "solutionScenarioId");
        Objects.requireNonNull(solutionScenarioVersionId, "solutionScenarioVersionId");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(isScoped, "isScoped");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static ScopedSolutionProcess fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "scoped solution process");
        return new ScopedSolutionProcess(f.required("solutionProcessId"), f.text("solutionProcessVersionId"),
                f.text("solutionProcessVersionName"), f.text("solutionScenarioId"),
                f.text("solutionScenarioVersionId"), f.text("scopeId"), f.text("projectId"), f.bool("isScoped"),
                f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("solutionProcessId", solutionProcessId)
                .put("solutionProcessVersionId", solutionProcessVersionId)
                .put("solutionProcessVersionName", solutionProcessVersionName)
                .put("solutionScenarioId", solutionScenarioId)
                .put("solutionScenarioVersionId", solutionScenarioVersionId).put("scopeId", scopeId)
                .put("projectId", projectId).put("isScoped", isScoped).putOthers(otherFields).build();
    }
}
