package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * The fields to change on a process scope ({@code PATCH /calm-processmanagement/v1/scopes/{id}}). Immutable and thread-safe.
 */
public final class ProcessScopeUpdateRequest {

    private final Map<String, Object> fields;

    private ProcessScopeUpdateRequest(Builder b) {
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
        return "ProcessScopeUpdateRequest" + fields;
    }

    /** Builds a {@link ProcessScopeUpdateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.update("name, description").nonBlank("name");

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
         * Changes the description.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) {
            return fields.set(this, "description", description);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set or a name or title is blank
         */
        public ProcessScopeUpdateRequest build() {
            return new ProcessScopeUpdateRequest(this);
        }
    }
}
