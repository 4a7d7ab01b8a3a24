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
 * A team of a project ({@code GET /calm-projects/v1/projects/{id}/teams}), as SAP's user staffing notebook reads
 * it.
 *
 * @param id the team's key
 * @param name the name, when sent
 * @param projectId the project, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record Team(String id, Optional<String> name, Optional<String> projectId, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param projectId see {@link #projectId()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projectId, "projectId");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static Team fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "team");
        return new Team(f.required("id"), f.text("name"), f.text("projectId"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("name", name).put("projectId", projectId)
                .putOthers(otherFields).build();
    }
}
