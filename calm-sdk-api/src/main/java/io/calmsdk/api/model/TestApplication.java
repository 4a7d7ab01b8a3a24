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
 * An application a tester opens for a test activity, as the test management API sends it in
 * {@code toApplications}.
 *
 * @param uuid the application entry's key
 * @param title the title
 * @param url where it opens, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record TestApplication(String uuid, String title, Optional<String> url, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param uuid see {@link #uuid()}
     * @param title see {@link #title()}
     * @param url see {@link #url()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public TestApplication {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static TestApplication fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "test application");
        return new TestApplication(f.required("uuid"), f.text("title").orElse(""), f.text("url"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("uuid", uuid).put("title", title).put("url", url)
                .putOthers(otherFields).build();
    }
}
