package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.RequestFields;
import java.util.List;
import java.util.Map;

/**
 * A feature to create ({@code POST /calm-features/v1/Features}): a title and a project, and optionally
 * description, status, priority, release, scope, responsible and tags. Immutable and thread-safe.
 */
public final class FeatureCreateRequest {

    private final Map<String, Object> fields;

    private FeatureCreateRequest(Builder b) {
        Object priority = b.fields.get("priorityCode");
        if (priority != null) {
            Checks.inRange("priorityCode", (Integer) priority, 1, 99);
        }
        this.fields = b.fields.freeze();
    }

    /**
     * A feature with a title in a project.
     *
     * @param projectId the project
     * @param title the title
     * @return the request
     * @throws io.calmsdk.core.exception.ValidationException if an argument is blank
     */
    public static FeatureCreateRequest of(String projectId, String title) {
        return builder().projectId(projectId).title(title).build();
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
     * @return the title
     */
    public String title() {
        return (String) fields.get("title");
    }

    /**
     * The project.
     *
     * @return the project id
     */
    public String projectId() {
        return (String) fields.get("projectId");
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
        return "FeatureCreateRequest" + fields;
    }

    /** Builds a {@link FeatureCreateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.create().required("projectId", "title");

        private Builder() {
        }

        /**
         * Sets the project (required).
         *
         * @param projectId the project id
         * @return this builder
         */
        public Builder projectId(String projectId) {
            return fields.set(this, "projectId", projectId);
        }

        /**
         * Sets the title (required).
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            return fields.set(this, "title", title);
        }

        /**
         * Sets the description (HTML).
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            return fields.set(this, "description", description);
        }

        /**
         * Sets the status code, e.g. {@code CIPFEATOPEN}.
         *
         * @param statusCode the status code
         * @return this builder
         */
        public Builder statusCode(String statusCode) {
            return fields.set(this, "statusCode", statusCode);
        }

        /**
         * Sets the priority code: 10 very high, 20 high, 30 medium, 40 low.
         *
         * @param priorityCode the priority code
         * @return this builder
         */
        public Builder priorityCode(int priorityCode) {
            return fields.set(this, "priorityCode", priorityCode);
        }

        /**
         * Sets the release the feature is planned for.
         *
         * @param releaseId the release id
         * @return this builder
         */
        public Builder releaseId(String releaseId) {
            return fields.set(this, "releaseId", releaseId);
        }

        /**
         * Sets the process scope.
         *
         * @param scopeId the scope id
         * @return this builder
         */
        public Builder scopeId(String scopeId) {
            return fields.set(this, "scopeId", scopeId);
        }

        /**
         * Sets the responsible user.
         *
         * @param responsibleId the user id
         * @return this builder
         */
        public Builder responsibleId(String responsibleId) {
            return fields.set(this, "responsibleId", responsibleId);
        }

        /**
         * Sets the tags.
         *
         * @param tags the tags
         * @return this builder
         */
        public Builder tags(List<String> tags) {
            return fields.set(this, "tags", List.copyOf(tags));
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws io.calmsdk.core.exception.ValidationException if the project or title is missing or blank, or
         *         the priority is out of range
         */
        public FeatureCreateRequest build() {
            return new FeatureCreateRequest(this);
        }
    }
}
