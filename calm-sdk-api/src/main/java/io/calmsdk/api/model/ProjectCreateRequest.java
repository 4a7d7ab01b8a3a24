package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.WireMaps;
import java.util.Map;
import java.util.Optional;

/**
 * What to send to create a Cloud ALM project ({@code POST /calm-projects/v1/projects}). Immutable and
 * thread-safe.
 */
public final class ProjectCreateRequest {

    private final String name;
    private final String description;
    private final String programId;

    private ProjectCreateRequest(Builder b) {
        this.name = Checks.notBlank("name", b.name);
        this.description = b.description;
        this.programId = b.programId;
    }

    /**
     * A request that creates a project with this name and nothing else.
     *
     * @param name the project's name
     * @return the request
     * @throws io.calmsdk.core.exception.ValidationException if the name is blank
     */
    public static ProjectCreateRequest of(String name) {
        return builder().name(name).build();
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
     * The project's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The project's description.
     *
     * @return the description, if set
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The program the project belongs to.
     *
     * @return the program id, if set
     */
    public Optional<String> programId() {
        return Optional.ofNullable(programId);
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("name", name).put("description", description)
                .put("programId", programId).build();
    }

    @Override
    public String toString() {
        return "ProjectCreateRequest" + toWire();
    }

    /** Builds a {@link ProjectCreateRequest}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private String description;
        private String programId;

        private Builder() {
        }

        /**
         * Sets the project's name (required).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the project's description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the program the project belongs to.
         *
         * @param programId the program's id
         * @return this builder
         */
        public Builder programId(String programId) {
            this.programId = programId;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws io.calmsdk.core.exception.ValidationException if the name is missing or blank
         */
        public ProjectCreateRequest build() {
            return new ProjectCreateRequest(this);
        }
    }
}
