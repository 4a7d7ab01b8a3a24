package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * An action (a step with its expected result) of a test activity to create, as SAP's test management
 * notebook sends it inside {@code toActions}. Immutable and thread-safe.
 */
public final class TestActionRequest {

    private final Map<String, Object> fields;

    private TestActionRequest(Builder b) {
        Checks.notNull("sequence", b.fields.get("sequence"), "the position within the activity, from 1");
        this.fields = b.fields.freeze();
    }

    /**
     * A request with the required fields only.
     *
     * @param sequence the position within the activity, from 1
     * @param title the title
     * @return the request
     * @throws ValidationException if a field is blank
     */
    public static TestActionRequest of(int sequence, String title) {
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
     * The position within the activity, from 1.
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
        return "TestActionRequest" + fields;
    }

    /** Builds a {@link TestActionRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.create().required("title");

        private Builder() {
        }

        /**
         * Sets the position within the activity, from 1.
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
         * Sets what the tester does.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) {
            return fields.set(this, "description", description);
        }

        /**
         * Sets what the tester should see.
         *
         * @param expectedResult the value
         * @return this builder
         */
        public Builder expectedResult(String expectedResult) {
            return fields.set(this, "expectedResult", expectedResult);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if a required field is missing or blank
         */
        public TestActionRequest build() {
            return new TestActionRequest(this);
        }
    }
}
