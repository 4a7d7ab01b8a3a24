package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * A process scope to create ({@code POST /calm-processmanagement/v1/scopes}), as SAP's process scopes notebook
 * sends it. Immutable and thread-safe.
 */
public final class ProcessScopeCreateRequest {

    private final Map<String, Object> fields;

    private ProcessScopeCreateRequest(Builder b) {
        this.fields = b.fields.freeze();
    }

    /**
     * A request with the required fields only.
     *
     * @param projectId the project
     * @param name the name
     * @return the request
     * @throws ValidationException if a field is blank
     */
    public static ProcessScopeCreateRequest of(String projectId, String name) {
        return builder().projectId(projectId).name(name).build();
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
     * The project.
     *
     * @return the value
     */
    public String projectId() {
        return (String) fields.get("projectId");
    }

    /**
     * The name.
     *
     * @return the value
     */
    public String name() {
        return (String) fields.get("name");
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
        return "ProcessScopeCreateRequest" + fields;
    }

    /** Builds a {@link ProcessScopeCreateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.create().required("projectId", "name");

        private Builder() {
        }

        /**
         * Sets the project.
         *
         * @param projectId the value
         * @return this builder
         */
        public Builder projectId(String projectId) {
            return fields.set(this, "projectId", projectId);
        }

        /**
         * Sets the name.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) {
            return fields.set(this, "name", name);
        }

        /**
         * Sets the description.
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
         * @throws ValidationException if a required field is missing or blank
         */
        public ProcessScopeCreateRequest build() {
            return new ProcessScopeCreateRequest(this);
        }
    }
}
