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
                             Optional<String> contentPackageId, List<TestActivity> activities,
                             List<TestCaseReference> references, Optional<Instant> createdAt,
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
                f.list(TestActivity.class, "toActivities"), f.list(TestCaseReference.class, "toReferences"),
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
}
