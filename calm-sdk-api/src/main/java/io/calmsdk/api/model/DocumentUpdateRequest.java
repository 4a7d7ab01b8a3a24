package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * The fields to change on a document ({@code PATCH /calm-documents/v1/Documents/{uuid}}): only the fields
 * set are sent, the others keep their values. Immutable and thread-safe.
 */
public final class DocumentUpdateRequest {

    private final Map<String, Object> fields;

    private DocumentUpdateRequest(Builder b) {
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
        return "DocumentUpdateRequest" + fields;
    }

    /** Builds a {@link DocumentUpdateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields =
                RequestFields.update("title, content, documentTypeCode, statusCode, priorityCode").nonBlank("title");

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
         * Changes the content, HTML.
         *
         * @param content the value
         * @return this builder
         */
        public Builder content(String content) {
            return fields.set(this, "content", content);
        }

        /**
         * Changes the document type code.
         *
         * @param documentTypeCode the value
         * @return this builder
         */
        public Builder documentTypeCode(String documentTypeCode) {
            return fields.set(this, "documentTypeCode", documentTypeCode);
        }

        /**
         * Changes the status code.
         *
         * @param statusCode the value
         * @return this builder
         */
        public Builder statusCode(String statusCode) {
            return fields.set(this, "statusCode", statusCode);
        }

        /**
         * Changes the priority code.
         *
         * @param priorityCode the value
         * @return this builder
         */
        public Builder priorityCode(int priorityCode) {
            return fields.set(this, "priorityCode", priorityCode);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set or a name or title is blank
         */
        public DocumentUpdateRequest build() {
            return new DocumentUpdateRequest(this);
        }
    }
}
