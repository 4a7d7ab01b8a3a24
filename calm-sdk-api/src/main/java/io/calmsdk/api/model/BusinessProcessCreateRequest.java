package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * A business process to create ({@code POST /calm-processauthoring/v1/businessProcesses}): a unique name of
 * at most 500 characters and a description. Immutable and thread-safe.
 */
public final class BusinessProcessCreateRequest {

    private final Map<String, Object> fields;

    private BusinessProcessCreateRequest(Builder b) {
        this.fields = b.fields.freeze();
    }

    /**
     * A request with the required fields only.
     *
     * @param name the name, unique
     * @return the request
     * @throws ValidationException if a field is blank
     */
    public static BusinessProcessCreateRequest of(String name) {
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
     * The name, unique.
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
        return "BusinessProcessCreateRequest" + fields;
    }

    /** Builds a {@link BusinessProcessCreateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.create().required("name");

        private Builder() {
        }

        /**
         * Sets the name, unique.
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
        public BusinessProcessCreateRequest build() {
            return new BusinessProcessCreateRequest(this);
        }
    }
}
