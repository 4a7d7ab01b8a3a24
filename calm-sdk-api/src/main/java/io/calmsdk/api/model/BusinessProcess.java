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
 * A business process of the Cloud ALM process authoring API
 * ({@code /calm-processauthoring/v1/businessProcesses}), with the fields of SAP's process authoring notebook.
 * Changes need its ETag ({@link #etag()}), which Cloud ALM sends as the {@code ETag} header.
 *
 * @param id the business process's key
 * @param name the name (unique)
 * @param description the description, when sent
 * @param etag the ETag to send as {@code If-Match} to change or delete it, from the answer's {@code ETag}
 *     header; not written back
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record BusinessProcess(String id, String name, Optional<String> description, Optional<String> etag,
                              Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param description see {@link #description()}
     * @param etag see {@link #etag()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public BusinessProcess {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(etag, "etag");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static BusinessProcess fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "business process");
        return new BusinessProcess(f.required("id"), f.text("name").orElse(""), f.text("description"),
                f.text("@odata.etag"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("name", name).put("description", description)
                .putOthers(otherFields).build();
    }
}
