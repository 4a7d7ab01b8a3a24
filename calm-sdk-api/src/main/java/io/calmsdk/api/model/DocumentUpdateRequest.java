package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.core.exception.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields to change on a document ({@code PATCH /calm-documents/v1/Documents/{uuid}}): only the fields
 * set are sent, the others keep their values. Immutable and thread-safe.
 */
public final class DocumentUpdateRequest {

    private final Map<String, Object> fields;

    private DocumentUpdateRequest(Builder b) {
        if (b.fields.isEmpty()) {
            throw new ValidationException("update", "sets no field", "at least one of title, content, documentTypeCode, statusCode, priorityCode");
        }
        if (b.fields.containsKey("title")) {
            Checks.notBlank("title", (String) b.fields.get("title"));
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        b.fields.forEach((k, v) -> copy.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
        this.fields = Collections.unmodifiableMap(copy);
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
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder set(String name, Object value) {
            fields.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * Changes the title.
         *
         * @param title the value
         * @return this builder
         */
        public Builder title(String title) {
            return set("title", title);
        }

        /**
         * Changes the content, HTML.
         *
         * @param content the value
         * @return this builder
         */
        public Builder content(String content) {
            return set("content", content);
        }

        /**
         * Changes the document type code.
         *
         * @param documentTypeCode the value
         * @return this builder
         */
        public Builder documentTypeCode(String documentTypeCode) {
            return set("documentTypeCode", documentTypeCode);
        }

        /**
         * Changes the status code.
         *
         * @param statusCode the value
         * @return this builder
         */
        public Builder statusCode(String statusCode) {
            return set("statusCode", statusCode);
        }

        /**
         * Changes the priority code.
         *
         * @param priorityCode the value
         * @return this builder
         */
        public Builder priorityCode(int priorityCode) {
            return set("priorityCode", priorityCode);
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
