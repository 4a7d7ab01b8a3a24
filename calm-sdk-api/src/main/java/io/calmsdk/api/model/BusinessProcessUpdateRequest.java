package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.core.exception.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields to change on a business process ({@code PATCH /calm-processauthoring/v1/businessProcesses/{id}},
 * sent with {@code If-Match}). Immutable and thread-safe.
 */
public final class BusinessProcessUpdateRequest {

    private final Map<String, Object> fields;

    private BusinessProcessUpdateRequest(Builder b) {
        if (b.fields.isEmpty()) {
            throw new ValidationException("update", "sets no field", "at least one of name, description");
        }
        if (b.fields.containsKey("name")) {
            Checks.notBlank("name", (String) b.fields.get("name"));
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        b.fields.forEach((k, v) -> copy.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
        this.fields = Collections.unmodifiableMap(copy);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JSON fields sent, by SAP's names.
     *
     * @return the fields, unmodifiable
     */
    @JsonValue
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return "BusinessProcessUpdateRequest" + fields;
    }

    /** Builds a {@link BusinessProcessUpdateRequest}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder set(String name, Object value) {
            fields.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * Changes the name.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) {
            return set("name", name);
        }

        /**
         * Changes the description.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) {
            return set("description", description);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set or a name or title is blank
         */
        public BusinessProcessUpdateRequest build() {
            return new BusinessProcessUpdateRequest(this);
        }
    }
}
