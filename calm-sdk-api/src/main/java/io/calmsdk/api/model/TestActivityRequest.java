package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * An activity of a manual test case to create, with its actions and applications, as SAP's test
 * management notebook sends it inside {@code toActivities} (deep insert) or to
 * {@code ManualTestCases/{uuid}/toActivities}. Immutable and thread-safe.
 */
public final class TestActivityRequest {

    private final Map<String, Object> fields;

    private TestActivityRequest(Builder b) {
        Checks.notNull("sequence", b.fields.get("sequence"), "the position within the test case, from 1");
        this.fields = b.fields.freeze();
    }

    /**
     * A request with the required fields only.
     *
     * @param sequence the position within the test case, from 1
     * @param title the title
     * @return the request
     * @throws ValidationException if a field is blank
     */
    public static TestActivityRequest of(int sequence, String title) {
        return builder().sequence(sequence).title(title).build();
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
     * The position within the test case, from 1.
     *
     * @return the value
     */
    public Integer sequence() {
        return (Integer) fields.get("sequence");
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
        return "TestActivityRequest" + fields;
    }

    /** Builds a {@link TestActivityRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.create().required("title");

        private Builder() {
        }

        /**
         * Sets the position within the test case, from 1.
         *
         * @param sequence the value
         * @return this builder
         */
        public Builder sequence(int sequence) {
            return fields.set(this, "sequence", sequence);
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
         * Sets the description.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) {
            return fields.set(this, "description", description);
        }

        /**
         * Sets whether the activity is in scope of test execution.
         *
         * @param isInScope the value
         * @return this builder
         */
        public Builder isInScope(boolean isInScope) {
            return fields.set(this, "isInScope", isInScope);
        }

        /**
         * Adds an action (a step) to the activity, sent in {@code toActions}.
         *
         * @param action the action
         * @return this builder
         */
        public Builder action(TestActionRequest action) {
            return fields.add(this, "toActions", action);
        }

        /**
         * Adds an application the tester opens, sent in {@code toApplications}.
         *
         * @param title the application's title
         * @param url where it opens
         * @return this builder
         * @throws ValidationException if an argument is blank
         */
        public Builder application(String title, String url) {
            return fields.addLink(this, "toApplications", "title", title, url);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if a required field is missing or blank
         */
        public TestActivityRequest build() {
            return new TestActivityRequest(this);
        }
    }
}
