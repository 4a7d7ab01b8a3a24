package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * The fields to change on a feature ({@code PATCH /calm-features/v1/Features/{uuid}}): only the fields set
 * are sent, the others keep their values. Immutable and thread-safe.
 */
public final class FeatureUpdateRequest {

    private final Map<String, Object> fields;

    private FeatureUpdateRequest(Builder b) {
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
        return "FeatureUpdateRequest" + fields;
    }

    /** Builds a {@link FeatureUpdateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields =
                RequestFields.update("title, description, statusCode, priorityCode, releaseId, scopeId, responsibleId")
                        .nonBlank("title");

        private Builder() {
        }

        /**
         * Changes the title.
         *
         * @param title the new title
         * @return this builder
         */
        public Builder title(String title) {
            return fields.set(this, "title", title);
        }

        /**
         * Changes the description.
         *
         * @param description the new description
         * @return this builder
         */
        public Builder description(String description) {
            return fields.set(this, "description", description);
        }

        /**
         * Changes the status code.
         *
         * @param statusCode the new status code
         * @return this builder
         */
        public Builder statusCode(String statusCode) {
            return fields.set(this, "statusCode", statusCode);
        }

        /**
         * Changes the priority code.
         *
         * @param priorityCode the new priority code
         * @return this builder
         */
        public Builder priorityCode(int priorityCode) {
            return fields.set(this, "priorityCode", priorityCode);
        }

        /**
         * Changes the release.
         *
         * @param releaseId the new release id
         * @return this builder
         */
        public Builder releaseId(String releaseId) {
            return fields.set(this, "releaseId", releaseId);
        }

        /**
         * Changes the process scope.
         *
         * @param scopeId the new scope id
         * @return this builder
         */
        public Builder scopeId(String scopeId) {
            return fields.set(this, "scopeId", scopeId);
        }

        /**
         * Changes the responsible user.
         *
         * @param responsibleId the new user id
         * @return this builder
         */
        public Builder responsibleId(String responsibleId) {
            return fields.set(this, "responsibleId", responsibleId);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set or the title is blank
         */
        public FeatureUpdateRequest build() {
            return new FeatureUpdateRequest(this);
        }
    }
}
