package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;
import java.util.Optional;

/**
 * The fields to change on a Cloud ALM project ({@code PATCH /calm-projects/v1/projects/{id}}): only
 * the fields set here are sent, the others keep their values. Immutable and thread-safe.
 */
public final class ProjectUpdateRequest {

    private final String name;
    private final String description;
    private final String status;

    private ProjectUpdateRequest(Builder b) {
        if (b.name != null && b.name.isBlank()) {
            throw new ValidationException("name", "is blank", "a non-blank text, or leave it unset");
        }
        if (b.name == null && b.description == null && b.status == null) {
            throw new ValidationException("update", "sets no field", "at least one of name, description, status");
        }
        this.name = b.name;
        this.description = b.description;
        this.status = b.status;
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
     * The new name.
     *
     * @return the name, if it changes
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The new description.
     *
     * @return the description, if it changes
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The new status code, e.g. {@code C} to close the project.
     *
     * @return the status, if it changes
     */
    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("name", name).put("description", description).put("status", status).build();
    }

    @Override
    public String toString() {
        return "ProjectUpdateRequest" + toWire();
    }

    /** Builds a {@link ProjectUpdateRequest}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String description;
        private String status;

        private Builder() {
        }

        /**
         * Changes the name.
         *
         * @param name the new name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Changes the description.
         *
         * @param description the new description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Changes the status code, e.g. {@code C} to close the project.
         *
         * @param status the new status code
         * @return this builder
         */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set or the name is blank
         */
        public ProjectUpdateRequest build() {
            return new ProjectUpdateRequest(this);
        }
    }
}
