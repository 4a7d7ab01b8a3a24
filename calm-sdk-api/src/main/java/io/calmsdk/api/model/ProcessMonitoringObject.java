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
 * A solution value flow diagram or asset of the Cloud ALM process monitoring API
 * ({@code /calm-processmonitoring/v1/solutionValueFlowDiagrams}, {@code /assets}; OData v4, read-only; UNVERIFIED,
 * from consetto/sap-cloud-alm-odata-mcp). No source shows their fields, so only the key is typed: every field Cloud
 * ALM sends is in {@link #otherFields()} and readable with {@link #text(String)}.
 *
 * @param id the entity's key
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record ProcessMonitoringObject(String id, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the map.
     *
     * @param id see {@link #id()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public ProcessMonitoringObject {
        Objects.requireNonNull(id, "id");
        otherFields = JsonFields.copy(otherFields);
    }

    /**
     * A field as text, by the name Cloud ALM sends.
     *
     * @param name the field's name, e.g. {@code title}
     * @return its value as text (numbers and booleans as their text), empty when absent, {@code null} or a structure
     */
    public Optional<String> text(String name) {
        Object v = otherFields.get(name);
        return v == null || v instanceof Map || v instanceof java.util.List ? Optional.empty() : Optional.of(v.toString());
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static ProcessMonitoringObject fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "process monitoring object");
        return new ProcessMonitoringObject(f.required("id"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).putOthers(otherFields).build();
    }
}
