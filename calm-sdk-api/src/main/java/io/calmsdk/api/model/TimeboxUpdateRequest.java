package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.core.exception.ValidationException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields to change on a timebox ({@code PATCH /calm-projects/v1/timeboxes/{id}}), as SAP's project-task
 * notebook changes one: name, dates, or closing it. Immutable and thread-safe.
 */
public final class TimeboxUpdateRequest {

    private final Map<String, Object> fields;

    private TimeboxUpdateRequest(Builder b) {
        if (b.fields.isEmpty()) {
            throw new ValidationException("update", "sets no field", "at least one of name, startDate, endDate, closed");
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
        return "TimeboxUpdateRequest" + fields;
    }

    /** Builds a {@link TimeboxUpdateRequest}. Not thread-safe. */
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
         * Changes the first day.
         *
         * @param startDate the value
         * @return this builder
         */
        public Builder startDate(LocalDate startDate) {
            return set("startDate", startDate.toString());
        }

        /**
         * Changes the last day.
         *
         * @param endDate the value
         * @return this builder
         */
        public Builder endDate(LocalDate endDate) {
            return set("endDate", endDate.toString());
        }

        /**
         * Changes whether the timebox is closed.
         *
         * @param closed the value
         * @return this builder
         */
        public Builder closed(boolean closed) {
            return set("closed", closed);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set or a name or title is blank
         */
        public TimeboxUpdateRequest build() {
            return new TimeboxUpdateRequest(this);
        }
    }
}
