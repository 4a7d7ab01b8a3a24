package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * A document to create ({@code POST /calm-documents/v1/Documents}): a title, and optionally content
 * (HTML), project, type, status, priority and scope. Immutable and thread-safe.
 */
public final class DocumentCreateRequest {

    private final Map<String, Object> fields;

    private DocumentCreateRequest(Builder b) {
        this.fields = b.fields.freeze();
    }

    /**
     * A request with the required fields only.
     *
     * @param title the title
     * @return the request
     * @throws ValidationException if a field is blank
     */
    public static DocumentCreateRequest of(String title) {
        return builder().title(title).build();
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
     * The title.
     *
     * @return the value
     */
    public String title() {
        return (String) fields.get("title");
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
        return "DocumentCreateRequest" + fields;
    }

    /** Builds a {@link DocumentCreateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.create().required("title");

        private Builder() {
        }

        /**
         * Sets the title.
         *
         * @param title the value
         * @return this builder
         */
        public Builder title(String title) {
            return fields.set(this, "title", title);
        }

        /**
         * Sets the content, HTML.
         *
         * @param content the value
         * @return this builder
         */
        public Builder content(String content) {
            return fields.set(this, "content", content);
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
         * Sets the document type code.
         *
         * @param documentTypeCode the value
         * @return this builder
         */
        public Builder documentTypeCode(String documentTypeCode) {
            return fields.set(this, "documentTypeCode", documentTypeCode);
        }

        /**
         * Sets the status code.
         *
         * @param statusCode the value
         * @return this builder
         */
        public Builder statusCode(String statusCode) {
            return fields.set(this, "statusCode", statusCode);
        }

        /**
         * Sets the priority code.
         *
         * @param priorityCode the value
         * @return this builder
         */
        public Builder priorityCode(int priorityCode) {
            return fields.set(this, "priorityCode", priorityCode);
        }

        /**
         * Sets the process scope.
         *
         * @param scopeId the value
         * @return this builder
         */
        public Builder scopeId(String scopeId) {
            return fields.set(this, "scopeId", scopeId);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if a required field is missing or blank
         */
        public DocumentCreateRequest build() {
            return new DocumentCreateRequest(this);
        }
    }
}
