package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.WireMaps;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An action of a test activity (a step with its expected result), as the test management API sends it in
 * {@code toActions}.
 *
 * @param uuid the action's key
 * @param sequence the position within the activity, when sent
 * @param title the title
 * @param description what the tester does, when sent
 * @param expectedResult what the tester should see, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record TestAction(String uuid, Optional<Integer> sequence, String title, Optional<String> description,
                         Optional<String> expectedResult, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param uuid see {@link #uuid()}
     * @param sequence see {@link #sequence()}
     * @param title see {@link #title()}
     * @param description see {@link #description()}
     * @param expectedResult see {@link #expectedResult()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public TestAction {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(expectedResult, "expectedResult");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static TestAction fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "test action");
        return new TestAction(f.required("uuid"), f.integer("sequence"), f.text("title").orElse(""),
                f.text("description"), f.text("expectedResult"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("uuid", uuid).put("sequence", sequence).put("title", title)
                .put("description", description).put("expectedResult", expectedResult)
                .putOthers(otherFields).build();
    }
}
