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
 * An action (a step with its expected result) of a test activity to create, as SAP's test management
 * notebook sends it inside {@code toActions}. Immutable and thread-safe.
 */
public final class TestActionRequest {

    private final Map<String, Object> fields;

    private TestActionRequest(Builder b) {
        Checks.notNull("sequence", b.fields.get("sequence"), "the position within the activity, from 1");
        Checks.notBlank("title", (String) b.fields.get("title"));
        Map<String, Object> copy = new LinkedHashMap<>();
        b.fields.forEach((k, v) -> copy.put(k, v instanceof List<?> l ? List.copyOf(l) : v));
        this.fields = Collections.unmodifiableMap(copy);
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
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder set(String name, Object value) {
            fields.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * Sets the position within the activity, from 1.
         *
         * @param sequence the value
         * @return this builder
         */
        public Builder sequence(int sequence) {
            return set("sequence", sequence);
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
         * Sets what the tester does.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) {
            return set("description", description);
        }

        /**
         * Sets what the tester should see.
         *
         * @param expectedResult the value
         * @return this builder
         */
        public Builder expectedResult(String expectedResult) {
            return set("expectedResult", expectedResult);
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
