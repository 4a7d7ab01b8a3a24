package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * A manual test case to create ({@code POST /calm-testmanagement/v1/ManualTestCases}) with its activities,
 * actions, applications and references in one call (deep insert), as SAP's test management notebook
 * creates one; optionally linked to a solution process, flow and diagram. Immutable and thread-safe.
 */
public final class ManualTestCaseCreateRequest {

    private final Map<String, Object> fields;

    private ManualTestCaseCreateRequest(Builder b) {
        this.fields = b.fields.freeze();
    }

    /**
     * A request with the required fields only.
     *
     * @param projectId the project
     * @param title the title
     * @return the request
     * @throws ValidationException if a field is blank
     */
    public static ManualTestCaseCreateRequest of(String projectId, String title) {
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
     * The project.
     *
     * @return the value
     */
    public String projectId() {
        return (String) fields.get("projectId");
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
        return "ManualTestCaseCreateRequest" + fields;
    }

    /** Builds a {@link ManualTestCaseCreateRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.create().required("projectId", "title");

        private Builder() {
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
         * Sets the title.
         *
         * @param title the value
         * @return this builder
         */
        public Builder title(String title) {
            return fields.set(this, "title", title);
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
         * Sets the description.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) {
            return fields.set(this, "description", description);
        }

        /**
         * Sets the solution process the test case covers.
         *
         * @param solutionProcessId the value
         * @return this builder
         */
        public Builder solutionProcessId(String solutionProcessId) {
            return fields.set(this, "solutionProcessId", solutionProcessId);
        }

        /**
         * Sets the solution process flow.
         *
         * @param solutionProcessFlowId the value
         * @return this builder
         */
        public Builder solutionProcessFlowId(String solutionProcessFlowId) {
            return fields.set(this, "solutionProcessFlowId", solutionProcessFlowId);
        }

        /**
         * Sets the solution process flow diagram.
         *
         * @param solutionProcessFlowDiagramId the value
         * @return this builder
         */
        public Builder solutionProcessFlowDiagramId(String solutionProcessFlowDiagramId) {
            return fields.set(this, "solutionProcessFlowDiagramId", solutionProcessFlowDiagramId);
        }

        /**
         * Sets the content package, e.g. CUSTOM.
         *
         * @param contentPackageId the value
         * @return this builder
         */
        public Builder contentPackageId(String contentPackageId) {
            return fields.set(this, "contentPackageId", contentPackageId);
        }

        /**
         * Adds an activity, with its actions and applications, sent in {@code toActivities}.
         *
         * @param activity the activity
         * @return this builder
         */
        public Builder activity(TestActivityRequest activity) {
            return fields.add(this, "toActivities", activity);
        }

        /**
         * Adds a reference (a named link), sent in {@code toReferences}.
         *
         * @param name the display name
         * @param url where it points
         * @return this builder
         * @throws ValidationException if an argument is blank
         */
        public Builder reference(String name, String url) {
            return fields.addLink(this, "toReferences", "name", name, url);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if a required field is missing or blank
         */
        public ManualTestCaseCreateRequest build() {
            return new ManualTestCaseCreateRequest(this);
        }
    }
}
