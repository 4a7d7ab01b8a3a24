package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * A solution process to create ({@code POST /calm-processauthoring/v1/solutionProcesses}) below a business
 * process, as SAP's process authoring notebook sends it. Immutable and thread-safe.
 */
public final class SolutionProcessCreateRequest {

    private final Map<String, Object> fields;

    private SolutionProcessCreateRequest(Builder b) {
        Checks.notNull("businessProcessId", b.fields.get("businessProcess"), "the id of the business process it belongs to");
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
        return "SolutionProcessCreateRequest" + fields;
    }

    /** Builds a {@link SolutionProcessCreateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.create().required("name");

        private Builder() {
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
         * Sets the countries, comma-separated, e.g. FR, US, DE.
         *
         * @param countries the value
         * @return this builder
         */
        public Builder countries(String countries) {
            return fields.set(this, "countries", countries);
        }

        /**
         * Sets the id in an external system, at most 40 characters.
         *
         * @param externalId the value
         * @return this builder
         */
        public Builder externalId(String externalId) {
            return fields.set(this, "externalId", externalId);
        }

        /**
         * Sets the business process it belongs to (required), sent as {@code businessProcess: {id}}.
         *
         * @param businessProcessId the business process's id
         * @return this builder
         */
        public Builder businessProcessId(String businessProcessId) {
            return fields.set(this, "businessProcess", Map.of("id", businessProcessId));
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if a required field is missing or blank
         */
        public SolutionProcessCreateRequest build() {
            return new SolutionProcessCreateRequest(this);
        }
    }
}
