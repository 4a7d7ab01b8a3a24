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
 * A feature of the Cloud ALM Features API, an entity of the OData v4 collection
 * {@code /calm-features/v1/Features}. Field names as the Features API sends them (field list UNVERIFIED: from
 * an open-source client, consetto/sap-cloud-alm-odata-mcp, not from an SAP sample); every other field
 * Cloud ALM sends is kept in {@link #otherFields()} and written back.
 *
 * @param uuid the feature's key
 * @param displayId the human-readable id, e.g. {@code 6-123}, when sent
 * @param title the title
 * @param description the description (HTML), when sent
 * @param projectId the project, when sent
 * @param statusCode the status code, e.g. {@code CIPFEATOPEN}, when sent
 * @param priorityCode the priority code (10 very high to 40 low), when sent
 * @param releaseId the release (timebox) the feature is planned for, when sent
 * @param scopeId the process scope, when sent
 * @param responsibleId the responsible user, when sent
 * @param type the feature type, when sent
 * @param workstreamId the workstream, when sent
 * @param tags the tags, empty when none are sent
 * @param createdAt when it was created, when sent
 * @param modifiedAt when it was last changed, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record Feature(String uuid, Optional<String> displayId, String title, Optional<String> description,
                      Optional<String> projectId, Optional<String> statusCode, Optional<Integer> priorityCode,
                      Optional<String> releaseId, Optional<String> scopeId, Optional<String> responsibleId,
                      Optional<String> type, Optional<String> workstreamId, List<String> tags,
                      Optional<Instant> createdAt, Optional<Instant> modifiedAt, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param uuid see {@link #uuid()}
     * @param displayId see {@link #displayId()}
     * @param title see {@link #title()}
     * @param description see {@link #description()}
     * @param projectId see {@link #projectId()}
     * @param statusCode see {@link #statusCode()}
     * @param priorityCode see {@link #priorityCode()}
     * @param releaseId see {@link #releaseId()}
     * @param scopeId see {@link #scopeId()}
     * @param responsibleId see {@link #responsibleId()}
     * @param type see {@link #type()}
     * @param workstreamId see {@link #workstreamId()}
     * @param tags see {@link #tags()}
     * @param createdAt see {@link #createdAt()}
     * @param modifiedAt see {@link #modifiedAt()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public Feature {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(displayId, "displayId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(priorityCode, "priorityCode");
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(responsibleId, "responsibleId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(workstreamId, "workstreamId");
        tags = List.copyOf(tags);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static Feature fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "feature");
        return new Feature(f.required("uuid", "id"), f.text("displayId"), f.text("title").orElse(""),
                f.text("description"), f.text("projectId"), f.text("statusCode", "status"),
                f.integer("priorityCode", "priority"), f.text("releaseId"), f.text("scopeId"),
                f.text("responsibleId"), f.text("type"), f.text("workstreamId"), f.texts("tags"),
                f.instant("createdAt"), f.instant("modifiedAt"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("uuid", uuid).put("displayId", displayId).put("title", title)
                .put("description", description).put("projectId", projectId).put("statusCode", statusCode)
                .put("priorityCode", priorityCode).put("releaseId", releaseId).put("scopeId", scopeId)
                .put("responsibleId", responsibleId).put("type", type).put("workstreamId", workstreamId)
                .put("tags", tags.isEmpty() ? null : tags).put("createdAt", createdAt.map(Instant::toString))
                .put("modifiedAt", modifiedAt.map(Instant::toString)).putOthers(otherFields).build();
    }

    /**
     * An external reference of a feature, an entity of {@code /calm-features/v1/ExternalReferences} (shape
     * UNVERIFIED: from an open-source client, consetto/sap-cloud-alm-odata-mcp). Other fields are kept in
     * {@link #otherFields()}.
     *
     * @param id the reference's id
     * @param parentUuid the feature it belongs to
     * @param name the display name, when sent
     * @param url where it points, when sent
     * @param otherFields every other field sent
     */
    public record Reference(String id, String parentUuid, Optional<String> name, Optional<String> url,
                                   Map<String, Object> otherFields) {

        /**
         * Checks that no argument is {@code null}.
         *
         * @param id see {@link #id()}
         * @param parentUuid see {@link #parentUuid()}
         * @param name see {@link #name()}
         * @param url see {@link #url()}
         * @param otherFields see {@link #otherFields()}
         * @throws NullPointerException if an argument is {@code null}
         */
        public Reference {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(parentUuid, "parentUuid");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            otherFields = JsonFields.copy(otherFields);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static Reference fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "feature reference");
            return new Reference(f.required("id", "uuid"), f.text("parentUuid", "parentUUID", "parent_ID")
                    .orElse(""), f.text("name"), f.text("url"), f.others());
        }

        @JsonValue
        private Map<String, Object> toWire() {
            return WireMaps.object().put("id", id).put("parentUuid", parentUuid).put("name", name).put("url", url)
                    .putOthers(otherFields).build();
        }
    }
}
