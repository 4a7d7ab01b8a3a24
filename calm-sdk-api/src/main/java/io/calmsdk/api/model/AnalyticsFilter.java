package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.WireMaps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter a data provider accepts, from the analytics REST filters interface
 * ({@code POST /calm-analytics/v1/analytics/providers/filters} with {@code providerName} and
 * {@code providerVersion}, as SAP's analytics Postman collection sends it). The request is SAP's; the answer fields
 * are UNVERIFIED (read as the filters of a data request are written: a {@code key} with {@code values}, also
 * {@code name}/{@code id} and {@code label}); every field sent is kept.
 *
 * @param key the dimension the filter applies to, e.g. {@code project}
 * @param label a human-readable label, when sent
 * @param values the values offered, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record AnalyticsFilter(String key, Optional<String> label, List<String> values, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param key see {@link #key()}
     * @param label see {@link #label()}
     * @param values see {@link #values()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public AnalyticsFilter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        values = List.copyOf(values);
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static AnalyticsFilter fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "analytics filter");
        return new AnalyticsFilter(f.required("key", "name", "id"), f.text("label", "description"), f.texts("values"),
                f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("key", key).put("label", label).put("values", values.isEmpty() ? null : values)
                .putOthers(otherFields).build();
    }
}
