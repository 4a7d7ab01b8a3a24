package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * The fields to change on a manual test case ({@code PATCH /calm-testmanagement/v1/ManualTestCases/{uuid}},
 * sent with {@code If-Match}): only the fields set are sent. Setting {@code isPrepared} makes the test case
 * ready for execution. Immutable and thread-safe.
 */
public final class ManualTestCaseUpdateRequest {

    private final Map<String, Object> fields;

    private ManualTestCaseUpdateRequest(Builder b) {
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
        return "ManualTestCaseUpdateRequest" + fields;
    }

    /** Builds a {@link ManualTestCaseUpdateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields =
                RequestFields.update("title, description, scopeId, isPrepared")
                        .nonBlank("title");

        private Builder() {
        }

        /**
         * Changes the title.
         *
         * @param title the value
         * @return this builder
         */
        public Builder title(String title) {
            return fields.set(this, "title", title);
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
         * Changes the process scope.
         *
         * @param scopeId the value
         * @return this builder
         */
        public Builder scopeId(String scopeId) {
            return fields.set(this, "scopeId", scopeId);
        }

        /**
         * Changes whether the test case is prepared for execution.
         *
         * @param isPrepared the value
         * @return this builder
         */
        public Builder isPrepared(boolean isPrepared) {
            return fields.set(this, "isPrepared", isPrepared);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set or a name or title is blank
         */
        public ManualTestCaseUpdateRequest build() {
            return new ManualTestCaseUpdateRequest(this);
        }
    }
}
