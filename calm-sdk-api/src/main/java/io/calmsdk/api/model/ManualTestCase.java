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
 * A manual test case of the Cloud ALM test management API, an entity of the OData v4 collection
 * {@code /calm-testmanagement/v1/ManualTestCases}, with SAP's field names as SAP's test management notebook
 * uses them. Changes need the test case's ETag, {@link #etag()}.
 *
 * @param uuid the test case's key
 * @param displayId the human-readable id, when sent
 * @param title the title
 * @param description the description, when sent
 * @param projectId the project, when sent
 * @param scopeId the process scope, when sent
 * @param isPrepared whether it is prepared for execution, when sent
 * @param statusCode the status code, when sent
 * @param solutionProcessId the solution process it covers, when sent
 * @param solutionProcessFlowId the solution process flow, when sent
 * @param solutionProcessFlowDiagramId the flow diagram, when sent
 * @param contentPackageId the content package, when sent
 * @param activities the activities: sent in answers to creates and with {@code $expand=toActivities}
 * @param references the references: sent in answers to creates and with {@code $expand=toReferences}
 * @param createdAt when it was created, when sent
 * @param modifiedAt when it was last changed, when sent
 * @param etag the value to send as {@code If-Match} to change or delete it: {@code modifiedAt} exactly as sent
 *     (what SAP's notebook sends), else {@code @odata.etag} (or the {@code ETag} header); not written back
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record ManualTestCase(String uuid, Optional<String> displayId, String title, Optional<String> description,
                             Optional<String> projectId, Optional<String> scopeId, Optional<Boolean> isPrepared,
                             Optional<String> statusCode, Optional<String> solutionProcessId,
                             Optional<String> solutionProcessFlowId, Optional<String> solutionProcessFlowDiagramId,
                             Optional<String> contentPackageId, List<Activity> activities,
                             List<Reference> references, Optional<Instant> createdAt,
                             Optional<Instant> modifiedAt, Optional<String> etag, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param uuid see {@link #uuid()}
     * @param displayId see {@link #displayId()}
     * @param title see {@link #title()}
     * @param description see {@link #description()}
     * @param projectId see {@link #projectId()}
     * @param scopeId see {@link #scopeId()}
     * @param isPrepared see {@link #isPrepared()}
     * @param statusCode see {@link #statusCode()}
     * @param solutionProcessId see {@link #solutionProcessId()}
     * @param solutionProcessFlowId see {@link #solutionProcessFlowId()}
     * @param solutionProcessFlowDiagramId see {@link #solutionProcessFlowDiagramId()}
     * @param contentPackageId see {@link #contentPackageId()}
     * @param activities see {@link #activities()}
     * @param references see {@link #references()}
     * @param createdAt see {@link #createdAt()}
     * @param modifiedAt see {@link #modifiedAt()}
     * @param etag see {@link #etag()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public ManualTestCase {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(displayId, "displayId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(isPrepared, "isPrepared");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(solutionProcessId, "solutionProcessId");
        Objects.requireNonNull(solutionProcessFlowId, "solutionProcessFlowId");
        Objects.requireNonNull(solutionProcessFlowDiagramId, "solutionProcessFlowDiagramId");
        Objects.requireNonNull(contentPackageId, "contentPackageId");
        activities = List.copyOf(activities);
        references = List.copyOf(references);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(etag, "etag");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static ManualTestCase fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "manual test case");
        return new ManualTestCase(f.required("uuid"), f.text("displayId"), f.text("title").orElse(""),
                f.text("description"), f.text("projectId"), f.text("scopeId"), f.bool("isPrepared"),
                f.text("statusCode"), f.text("solutionProcessId"), f.text("solutionProcessFlowId"),
                f.text("solutionProcessFlowDiagramId"), f.text("contentPackageId"),
                f.list(Activity.class, "toActivities"), f.list(Reference.class, "toReferences"),
                f.instant("createdAt"), f.instant("modifiedAt"), f.text("modifiedAt", "@odata.etag"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("uuid", uuid).put("displayId", displayId).put("title", title)
                .put("description", description).put("projectId", projectId).put("scopeId", scopeId)
                .put("isPrepared", isPrepared).put("statusCode", statusCode)
                .put("solutionProcessId", solutionProcessId).put("solutionProcessFlowId", solutionProcessFlowId)
                .put("solutionProcessFlowDiagramId", solutionProcessFlowDiagramId)
                .put("contentPackageId", contentPackageId)
                .put("toActivities", activities.isEmpty() ? null : activities)
                .put("toReferences", references.isEmpty() ? null : references)
                .put("createdAt", createdAt.map(Instant::toString))
                .put("modifiedAt", modifiedAt.map(Instant::toString)).putOthers(otherFields).build();
    }

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
    public record Activity(String uuid, Optional<Integer> sequence, String title, Optional<String> description,
                               Optional<Boolean> isInScope, List<Action> actions, List<Application> applications,
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
        public Activity {
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
        private static Activity fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "test activity");
            return new Activity(f.required("uuid"), f.integer("sequence"), f.text("title").orElse(""),
                    f.text("description"), f.bool("isInScope"), f.list(Action.class, "toActions"),
                    f.list(Application.class, "toApplications"), f.instant("modifiedAt"),
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
    public record Action(String uuid, Optional<Integer> sequence, String title, Optional<String> description,
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
        public Action {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(sequence, "sequence");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(expectedResult, "expectedResult");
            otherFields = JsonFields.copy(otherFields);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static Action fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "test action");
            return new Action(f.required("uuid"), f.integer("sequence"), f.text("title").orElse(""),
                    f.text("description"), f.text("expectedResult"), f.others());
        }

        @JsonValue
        private Map<String, Object> toWire() {
            return WireMaps.object().put("uuid", uuid).put("sequence", sequence).put("title", title)
                    .put("description", description).put("expectedResult", expectedResult)
                    .putOthers(otherFields).build();
        }
    }

    /**
     * An application a tester opens for a test activity, as the test management API sends it in
     * {@code toApplications}.
     *
     * @param uuid the application entry's key
     * @param title the title
     * @param url where it opens, when sent
     * @param otherFields every other field sent, as plain Java values, in the order sent
     */
    public record Application(String uuid, String title, Optional<String> url, Map<String, Object> otherFields) {

        /**
         * Checks that no argument is {@code null} and copies the collections.
         *
         * @param uuid see {@link #uuid()}
         * @param title see {@link #title()}
         * @param url see {@link #url()}
         * @param otherFields see {@link #otherFields()}
         * @throws NullPointerException if an argument is {@code null}
         */
        public Application {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(url, "url");
            otherFields = JsonFields.copy(otherFields);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static Application fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "test application");
            return new Application(f.required("uuid"), f.text("title").orElse(""), f.text("url"), f.others());
        }

        @JsonValue
        private Map<String, Object> toWire() {
            return WireMaps.object().put("uuid", uuid).put("title", title).put("url", url)
                    .putOthers(otherFields).build();
        }
    }

    /**
     * A reference (a named link) of a manual test case, as the test management API sends it in
     * {@code toReferences}.
     *
     * @param uuid the reference's key
     * @param name the display name, when sent
     * @param url where it points, when sent
     * @param otherFields every other field sent, as plain Java values, in the order sent
     */
    public record Reference(String uuid, Optional<String> name, Optional<String> url,
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
        public Reference {
            Objects.requireNonNull(uuid, "uuid");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            otherFields = JsonFields.copy(otherFields);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static Reference fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "test case reference");
            return new Reference(f.required("uuid"), f.text("name"), f.text("url"), f.others());
        }

        @JsonValue
        private Map<String, Object> toWire() {
            return WireMaps.object().put("uuid", uuid).put("name", name).put("url", url).putOthers(otherFields).build();
        }
    }
}
