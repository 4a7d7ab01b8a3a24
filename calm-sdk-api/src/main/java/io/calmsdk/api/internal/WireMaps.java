package io.calmsdk.api.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the JSON object of a model for the wire: fields in a stable order, absent optionals left out,
 * so a model written back to Cloud ALM looks like what Cloud ALM sent.
 */
public final class WireMaps {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private WireMaps() {
    }

    /**
     * Starts an empty object.
     *
     * @return the builder
     */
    public static WireMaps object() {
        return new WireMaps();
    }

    /**
     * Adds a field when the value is not {@code null}.
     *
     * @param name the JSON field name
     * @param value the value, skipped when {@code null}
     * @return this builder
     */
    public WireMaps put(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /**
     * Adds a field when the optional holds a value.
     *
     * @param name the JSON field name
     * @param value the value, skipped when empty
     * @return this builder
     */
    public WireMaps put(String name, Optional<?> value) {
        value.ifPresent(v -> fields.put(name, v instanceof java.time.LocalDate ? v.toString() : v));
        return this;
    }

    /**
     * Adds fields the SDK does not model (as read), without replacing fields already put.
     *
     * @param others the fields by name
     * @return this builder
     */
    public WireMaps putOthers(Map<String, Object> others) {
        others.forEach(fields::putIfAbsent);
        return this;
    }

    /**
     * The object built so far.
     *
     * @return an unmodifiable copy
     */
    public Map<String, Object> build() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
