package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.time.LocalDate;
import java.util.Map;

/**
 * The fields to change on a timebox ({@code PATCH /calm-projects/v1/timeboxes/{id}}), as SAP's project-task
 * notebook changes one: name, dates, or closing it. Immutable and thread-safe.
 */
public final class TimeboxUpdateRequest {

    private final Map<String, Object> fields;

    private TimeboxUpdateRequest(Builder b) {
        this.fields = b.fields.freeze();
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
        private final RequestFields fields = RequestFields.update("name, startDate, endDate, closed").nonBlank("name");

        private Builder() {
        }

        /**
         * Changes the name.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) {
            return fields.set(this, "name", name);
        }

        /**
         * Changes the first day.
         *
         * @param startDate the value
         * @return this builder
         */
        public Builder startDate(LocalDate startDate) {
            return fields.set(this, "startDate", startDate.toString());
        }

        /**
         * Changes the last day.
         *
         * @param endDate the value
         * @return this builder
         */
        public Builder endDate(LocalDate endDate) {
            return fields.set(this, "endDate", endDate.toString());
        }

        /**
         * Changes whether the timebox is closed.
         *
         * @param closed the value
         * @return this builder
         */
        public Builder closed(boolean closed) {
            return fields.set(this, "closed", closed);
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
