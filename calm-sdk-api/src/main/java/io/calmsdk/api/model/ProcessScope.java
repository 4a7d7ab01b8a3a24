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
 * A scope of the Cloud ALM process management API ({@code /calm-processmanagement/v1/scopes}): the part of a
 * project's solution that is implemented, as SAP's process scopes notebook reads and writes it.
 *
 * @param id the scope's key
 * @param name the name
 * @param description the description, when sent
 * @param projectId the project, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record ProcessScope(String id, String name, Optional<String> description, Optional<String> projectId,
                           Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param description see {@link #description()}
     * @param projectId see {@link #projectId()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public ProcessScope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(projectId, "projectId");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static ProcessScope fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "process scope");
        return new ProcessScope(f.required("id"), f.text("name").orElse(""), f.text("description"),
                f.text("projectId"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("name", name).put("description", description)
                .put("projectId", projectId).putOthers(otherFields).build();
    }
}
