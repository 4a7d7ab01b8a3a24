package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * The fields to change on a solution process ({@code PATCH /calm-processauthoring/v1/solutionProcesses/{id}},
 * sent with {@code If-Match}): only the fields set are sent. Immutable and thread-safe.
 */
public final class SolutionProcessUpdateRequest {

    private final Map<String, Object> fields;

    private SolutionProcessUpdateRequest(Builder b) {
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
        return "SolutionProcessUpdateRequest" + fields;
    }

    /** Builds a {@link SolutionProcessUpdateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields =
                RequestFields.update("name, description, status, countries, externalId")
                        .nonBlank("name");

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
         * Changes the status.
         *
         * @param status the value
         * @return this builder
         */
        public Builder status(String status) {
            return fields.set(this, "status", status);
        }

        /**
         * Changes the countries, comma-separated.
         *
         * @param countries the value
         * @return this builder
         */
        public Builder countries(String countries) {
            return fields.set(this, "countries", countries);
        }

        /**
         * Changes the id in an external system.
         *
         * @param externalId the value
         * @return this builder
         */
        public Builder externalId(String externalId) {
            return fields.set(this, "externalId", externalId);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set or a name or title is blank
         */
        public SolutionProcessUpdateRequest build() {
            return new SolutionProcessUpdateRequest(this);
        }
    }
}
