package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.core.exception.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A manual test case to create ({@code POST /calm-testmanagement/v1/ManualTestCases}) with its activities,
 * actions, applications and references in one call (deep insert), as SAP's test management notebook
 * creates one; optionally linked to a solution process, flow and diagram. Immutable and thread-safe.
 */
public final class ManualTestCaseCreateRequest {

    private final Map<String, Object> fields;

    private ManualTestCaseCreateRequest(Builder b) {
        Checks.notBlank("projectId", (String) b.fields.get("projectId"));
        Checks.notBlank("title", (String) b.fields.get("title"));
        Map<String, Object> copy = new LinkedHashMap<>();
        b.fields.forEach((k, v) -> copy.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
        this.fields = Collections.unmodifiableMap(copy);
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
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder set(String name, Object value) {
            fields.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * Sets the project.
         *
         * @param projectId the value
         * @return this builder
         */
        public Builder projectId(String projectId) {
            return set("projectId", projectId);
        }

        /**
         * Sets the title.
         *
         * @param title the value
         * @return this builder
         */
        public Builder title(String title) {
            return set("title", title);
        }

        /**
         * Sets the process scope.
         *
         * @param scopeId the value
         * @return this builder
         */
        public Builder scopeId(String scopeId) {
            return set("scopeId", scopeId);
        }

        /**
         * Sets the description.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) {
            return set("description", description);
        }

        /**
         * Sets the solution process the test case covers.
         *
         * @param solutionProcessId the value
         * @return this builder
         */
        public Builder solutionProcessId(String solutionProcessId) {
            return set("solutionProcessId", solutionProcessId);
        }

        /**
         * Sets the solution process flow.
         *
         * @param solutionProcessFlowId the value
         * @return this builder
         */
        public Builder solutionProcessFlowId(String solutionProcessFlowId) {
            return set("solutionProcessFlowId", solutionProcessFlowId);
        }

        /**
         * Sets the solution process flow diagram.
         *
         * @param solutionProcessFlowDiagramId the value
         * @return this builder
         */
        public Builder solutionProcessFlowDiagramId(String solutionProcessFlowDiagramId) {
            return set("solutionProcessFlowDiagramId", solutionProcessFlowDiagramId);
        }

        /**
         * Sets the content package, e.g. CUSTOM.
         *
         * @param contentPackageId the value
         * @return this builder
         */
        public Builder contentPackageId(String contentPackageId) {
            return set("contentPackageId", contentPackageId);
        }

        /**
         * Adds an activity, with its actions and applications, sent in {@code toActivities}.
         *
         * @param activity the activity
         * @return this builder
         */
        @SuppressWarnings("unchecked")
        public Builder activity(TestActivityRequest activity) {
            ((List<Object>) fields.computeIfAbsent("toActivities", k -> new ArrayList<>()))
                    .add(Objects.requireNonNull(activity, "activity"));
            return this;
        }

        /**
         * Adds a reference (a named link), sent in {@code toReferences}.
         *
         * @param name the display name
         * @param url where it points
         * @return this builder
         * @throws ValidationException if an argument is blank
         */
        @SuppressWarnings("unchecked")
        public Builder reference(String name, String url) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("name", Checks.notBlank("name", name));
            ref.put("url", Checks.notBlank("url", url));
            ((List<Object>) fields.computeIfAbsent("toReferences", k -> new ArrayList<>())).add(ref);
            return this;
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
