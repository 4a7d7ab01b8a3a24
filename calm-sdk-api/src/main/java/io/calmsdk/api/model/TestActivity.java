package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.WireMaps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An activity of a manual test case, as the test management API sends it in {@code toActivities} (with
 * {@code $expand}, with its actions and applications).
 *
 * @param uuid the activity's key
 * @param sequence the position within the test case, when sent
 * @param title the title
 * @param description the description, when sent
 * @param isInScope whether the activity is in scope of test execution, when sent
 * @param actions the actions, when sent
 * @param applications the applications, when sent
 * @param modifiedAt when it was last changed, when sent
 * @param etag the value to send as {@code If-Match} to change it ({@code modifiedAt} as sent); not written back
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record TestActivity(String uuid, Optional<Integer> sequence, String title, Optional<String> description,
                           Optional<Boolean> isInScope, List<TestAction> actions, List<TestApplication> applications,
                           Optional<Instant> modifiedAt, Optional<String> etag, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param uuid see {@link #uuid()}
     * @param sequence see {@link #sequence()}
     * @param title see {@link #title()}
     * @param description see {@link #description()}
     * @param isInScope see {@link #isInScope()}
     * @param actions see {@link #actions()}
     * @param applications see {@link #applications()}
     * @param modifiedAt see {@link #modifiedAt()}
     * @param etag see {@link #etag()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public TestActivity {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(isInScope, "isInScope");
        actions = List.copyOf(actions);
        applications = List.copyOf(applications);
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(etag, "etag");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static TestActivity fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "test activity");
        return new TestActivity(f.required("uuid"), f.integer("sequence"), f.text("title").orElse(""),
                f.text("description"), f.bool("isInScope"), f.list(TestAction.class, "toActions"),
                f.list(TestApplication.class, "toApplications"), f.instant("modifiedAt"),
                f.text("modifiedAt", "@odata.etag"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("uuid", uuid).put("sequence", sequence).put("title", title)
                .put("description", description).put("isInScope", isInScope)
                .put("toActions", actions.isEmpty() ? null : actions)
                .put("toApplications", applications.isEmpty() ? null : applications)
                .put("modifiedAt", modifiedAt.map(Instant::toString)).putOthers(otherFields).build();
    }
}
