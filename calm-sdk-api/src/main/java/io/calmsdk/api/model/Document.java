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
 * A document of the Cloud ALM Documents API, an entity of the OData v4 collection
 * {@code /calm-documents/v1/Documents} (field list UNVERIFIED: from an open-source client,
 * consetto/sap-cloud-alm-odata-mcp). Codes are read as text whether Cloud ALM sends them as text or numbers;
 * every other field is kept in {@link #otherFields()} and written back.
 *
 * @param uuid the document's key
 * @param displayId the human-readable id, when sent
 * @param title the title
 * @param content the content (HTML), when sent
 * @param projectId the project, when sent
 * @param scopeId the process scope, when sent
 * @param documentTypeCode the type code, when sent
 * @param statusCode the status code, when sent
 * @param priorityCode the priority code, when sent
 * @param sourceCode the source code (where the document came from), when sent
 * @param tags the tags, empty when none are sent
 * @param createdAt when it was created, when sent
 * @param modifiedAt when it was last changed, when sent
 * @param otherFields every other field sent, as plain Java values
 */
public record Document(String uuid, Optional<String> displayId, String title, Optional<String> content,
                       Optional<String> projectId, Optional<String> scopeId, Optional<String> documentTypeCode,
                       Optional<String> statusCode, Optional<Integer> priorityCode, Optional<String> sourceCode,
                       List<String> tags, Optional<Instant> createdAt, Optional<Instant> modifiedAt,
                       Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param uuid see {@link #uuid()}
     * @param displayId see {@link #displayId()}
     * @param title see {@link #title()}
     * @param content see {@link #content()}
     * @param projectId see {@link #projectId()}
     * @param scopeId see {@link #scopeId()}
     * @param documentTypeCode see {@link #documentTypeCode()}
     * @param statusCode see {@link #statusCode()}
     * @param priorityCode see {@link #priorityCode()}
     * @param sourceCode see {@link #sourceCode()}
     * @param tags see {@link #tags()}
     * @param createdAt see {@link #createdAt()}
     * @param modifiedAt see {@link #modifiedAt()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public Document {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(displayId, "displayId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(scopeId, "scopeId");
        Objects.requireNonNull(documentTypeCode, "documentTypeCode");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(priorityCode, "priorityCode");
        Objects.requireNonNull(sourceCode, "sourceCode");
        tags = List.copyOf(tags);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static Document fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "document");
        return new Document(f.required("uuid", "id"), f.text("displayId"), f.text("title").orElse(""),
                f.text("content"), f.text("projectId"), f.text("scopeId"), f.text("documentTypeCode", "typeCode"),
                f.text("statusCode"), f.integer("priorityCode"), f.text("sourceCode"), f.texts("tags"),
                f.instant("createdAt"), f.instant("modifiedAt"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("uuid", uuid).put("displayId", displayId).put("title", title)
                .put("content", content).put("projectId", projectId).put("scopeId", scopeId)
                .put("documentTypeCode", documentTypeCode).put("statusCode", statusCode)
                .put("priorityCode", priorityCode).put("sourceCode", sourceCode)
                .put("tags", tags.isEmpty() ? null : tags).put("createdAt", createdAt.map(Instant::toString))
                .put("modifiedAt", modifiedAt.map(Instant::toString)).putOthers(otherFields).build();
    }
}
