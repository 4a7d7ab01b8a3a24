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
 * The fields to change on a manual test case ({@code PATCH /calm-testmanagement/v1/ManualTestCases/{uuid}},
 * sent with {@code If-Match}): only the fields set are sent. Setting {@code isPrepared} makes the test case
 * ready for execution. Immutable and thread-safe.
 */
public final class ManualTestCaseUpdateRequest {

    private final Map<String, Object> fields;

    private ManualTestCaseUpdateRequest(Builder b) {
        if (b.fields.isEmpty()) {
            throw new ValidationException("update", "sets no field", "at least one of title, description, scopeId, isPrepared");
        }
        if (b.fields.containsKey("title")) {
            Checks.notBlank("title", (String) b.fields.get("title"));
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
        return "ManualTestCaseUpdateRequest" + fields;
    }

    /** Builds a {@link ManualTestCaseUpdateRequest}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder set(String name, Object value) {
            fields.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * Changes the title.
         *
         * @param title the value
         * @return this builder
         */
        public Builder title(String title) {
            return set("title", title);
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
         * Changes the process scope.
         *
         * @param scopeId the value
         * @return this builder
         */
        public Builder scopeId(String scopeId) {
            return set("scopeId", scopeId);
        }

        /**
         * Changes whether the test case is prepared for execution.
         *
         * @param isPrepared the value
         * @return this builder
         */
        public Builder isPrepared(boolean isPrepared) {
            return set("isPrepared", isPrepared);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set or a name or title is blank
         */
        public ManualTestCaseUpdateRequest build() {
            return new ManualTestCaseUpdateRequest(this);
        }
    }
}
