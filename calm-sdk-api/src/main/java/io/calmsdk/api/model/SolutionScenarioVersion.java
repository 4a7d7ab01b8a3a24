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
 * A solution scenario version (content release version) of the process management API
 * ({@code /calm-processmanagement/v1/solutionScenarioVersions}); field list beyond {@code id} and {@code name}
 * UNVERIFIED.
 *
 * @param id the version's key
 * @param name the name, when sent
 * @param solutionScenarioId the solution scenario, when sent
 * @param version the content version, when sent
 * @param description the description, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record SolutionScenarioVersion(String id, Optional<String> name, Optional<String> solutionScenarioId,
                                      Optional<String> version, Optional<String> description,
                                      Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param solutionScenarioId see {@link #solutionScenarioId()}
     * @param version see {@link #version()}
     * @param description see {@link #description()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public SolutionScenarioVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(solutionScenarioId, "solutionScenarioId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static SolutionScenarioVersion fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "solution scenario version");
        return new SolutionScenarioVersion(f.required("id"), f.text("name"), f.text("solutionScenarioId"),
                f.text("version"), f.text("description"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("name", name).put("solutionScenarioId", solutionScenarioId)
                .put("version", version).put("description", description).putOthers(otherFields).build();
    }
}
