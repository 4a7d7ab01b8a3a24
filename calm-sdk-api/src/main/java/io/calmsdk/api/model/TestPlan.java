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
 * A test plan of the Cloud ALM Test Plans API ({@code /calm-testmanagement-testplans/v1/TestPlans}, OData v4,
 * read-only; SAP's API guide announces the API, the path is UNVERIFIED, from consetto/calmcp). No source shows the
 * fields of a test plan, so only its key is typed: every field Cloud ALM sends is in {@link #otherFields()} and
 * readable with {@link #text(String)}.
 *
 * @param uuid the entity's key
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record TestPlan(String uuid, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the map.
     *
     * @param uuid see {@link #uuid()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public TestPlan {
        Objects.requireNonNull(uuid, "uuid");
        otherFields = JsonFields.copy(otherFields);
    }

    /**
     * A field as text, by the name Cloud ALM sends.
     *
     * @param name the field's name, e.g. {@code title}
     * @return its value as text (numbers and booleans as their text), empty when absent, {@code null} or a structure
     */
    public Optional<String> text(String name) {
        return JsonFields.scalarText(otherFields, name);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static TestPlan fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "test plan");
        return new TestPlan(f.required("uuid"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("uuid", uuid).putOthers(otherFields).build();
    }
}
