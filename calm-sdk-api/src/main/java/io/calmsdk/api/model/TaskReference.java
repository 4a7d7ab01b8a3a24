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
 * A reference (a named link to a document) of a task, as SAP's project-task notebook creates, changes, reads
 * and deletes it ({@code /calm-tasks/v1/tasks/{id}/references}, {@code /calm-tasks/v1/tasks/references/{id}}).
 *
 * @param id the reference's key
 * @param name the display name, when sent
 * @param url where it points, when sent
 * @param taskId the task, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record TaskReference(String id, Optional<String> name, Optional<String> url, Optional<String> taskId,
                            Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param url see {@link #url()}
     * @param taskId see {@link #taskId()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public TaskReference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(taskId, "taskId");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static TaskReference fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "task reference");
        return new TaskReference(f.required("id"), f.text("name"), f.text("url"), f.text("taskId"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("name", name).put("url", url).put("taskId", taskId)
                .putOthers(otherFields).build();
    }
}
