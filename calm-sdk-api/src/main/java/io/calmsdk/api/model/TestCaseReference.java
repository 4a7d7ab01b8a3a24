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
 * A reference (a named link) of a manual test case, as the test management API sends it in
 * {@code toReferences}.
 *
 * @param uuid the reference's key
 * @param name the display name, when sent
 * @param url where it points, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record TestCaseReference(String uuid, Optional<String> name, Optional<String> url,
                                Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param uuid see {@link #uuid()}
     * @param name see {@link #name()}
     * @param url see {@link #url()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public TestCaseReference {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static TestCaseReference fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "test case reference");
        return new TestCaseReference(f.required("uuid"), f.text("name"), f.text("url"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("uuid", uuid).put("name", name).put("url", url).putOthers(otherFields).build();
    }
}
