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
 * A data provider of the Cloud ALM analytics API ({@code GET /calm-analytics/v1/analytics/providers}, as in SAP's
 * analytics Postman collection), e.g. {@code DP_TASKS}; fields beyond the name UNVERIFIED.
 *
 * @param name the provider's name, e.g. {@code DP_TASKS}
 * @param description the description, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record AnalyticsProvider(String name, Optional<String> description, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param name see {@link #name()}
     * @param description see {@link #description()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public AnalyticsProvider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static AnalyticsProvider fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "analytics provider");
        return new AnalyticsProvider(f.required("name", "provider", "id"), f.text("description", "label"),
                f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("name", name).put("description", description).putOthers(otherFields).build();
    }
}
