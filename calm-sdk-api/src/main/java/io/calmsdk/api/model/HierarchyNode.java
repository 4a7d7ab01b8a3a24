package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.WireMaps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of the Cloud ALM process hierarchy, an entity of the OData v4 collection
 * {@code /calm-processhierarchy/v1/HierarchyNodes}. Read from SAP's field names ({@code uuid},
 * {@code parentNodeUUID}, {@code rootNodeUUID}, as SAP's process-hierarchy sample uses them) and from the
 * {@code ...Uuid} spelling too; written with SAP's.
 *
 * @param uuid the node's key
 * @param displayId the node's human-readable id, when sent
 * @param title the node's title, when sent
 * @param description the node's description, when sent
 * @param parentNodeUuid the key of the parent node ({@code parentNodeUUID}); empty for a root node
 * @param rootNodeUuid the key of the root node of the node's hierarchy ({@code rootNodeUUID}), when sent
 * @param hierarchyLevel the depth of the node (roots are level 0 or 1 depending on the tenant), when sent
 * @param sequence the position among the node's siblings, when sent
 * @param externalReferences the node's {@code toExternalReferences}: sent when asked for with
 *     {@code $expand=toExternalReferences} and in answers to creates and updates; empty otherwise
 */
public record HierarchyNode(String uuid, Optional<String> displayId, Optional<String> title,
                            Optional<String> description, Optional<String> parentNodeUuid,
                            Optional<String> rootNodeUuid, Optional<Integer> hierarchyLevel,
                            Optional<Integer> sequence, List<ExternalReference> externalReferences) {

    /**
     * Checks that required fields are present and copies the references.
     *
     * @param uuid see {@link #uuid()}
     * @param displayId see {@link #displayId()}
     * @param title see {@link #title()}
     * @param description see {@link #description()}
     * @param parentNodeUuid see {@link #parentNodeUuid()}
     * @param rootNodeUuid see {@link #rootNodeUuid()}
     * @param hierarchyLevel see {@link #hierarchyLevel()}
     * @param sequence see {@link #sequence()}
     * @param externalReferences see {@link #externalReferences()}
     * @throws NullPointerException if any argument is {@code null} (use {@link Optional#empty()} or an empty list)
     */
    public HierarchyNode {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(displayId, "displayId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parentNodeUuid, "parentNodeUuid");
        Objects.requireNonNull(rootNodeUuid, "rootNodeUuid");
        Objects.requireNonNull(hierarchyLevel, "hierarchyLevel");
        Objects.requireNonNull(sequence, "sequence");
        externalReferences = List.copyOf(Objects.requireNonNull(externalReferences, "externalReferences"));
    }

    /**
     * Creates a node from its JSON fields; used by the SDK's JSON decoding. Where a field has two
     * spellings, SAP's ({@code ...UUID}) wins when both are sent.
     *
     * @param uuid the key
     * @param displayId the display id, may be {@code null}
     * @param title the title, may be {@code null}
     * @param description the description, may be {@code null}
     * @param parentNodeUUID the parent's key as SAP spells it, may be {@code null}
     * @param parentNodeUuid the parent's key in the other spelling, may be {@code null}
     * @param rootNodeUUID the root's key as SAP spells it, may be {@code null}
     * @param rootNodeUuid the root's key in the other spelling, may be {@code null}
     * @param hierarchyLevel the level, may be {@code null}
     * @param level the level under its other wire name, used when {@code hierarchyLevel} is absent
     * @param sequence the sequence, may be {@code null}
     * @param externalReferences the {@code toExternalReferences}, may be {@code null}
     * @return the node
     * @throws NullPointerException if {@code uuid} is missing
     */
    @JsonCreator
    public static HierarchyNode fromJson(@JsonProperty("uuid") String uuid,
                                         @JsonProperty("displayId") String displayId,
                                         @JsonProperty("title") String title,
                                         @JsonProperty("description") String description,
                                         @JsonProperty("parentNodeUUID") String parentNodeUUID,
                                         @JsonProperty("parentNodeUuid") String parentNodeUuid,
                                         @JsonProperty("rootNodeUUID") String rootNodeUUID,
                                         @JsonProperty("rootNodeUuid") String rootNodeUuid,
                                         @JsonProperty("hierarchyLevel") Integer hierarchyLevel,
                                         @JsonProperty("level") Integer level,
                                         @JsonProperty("sequence") Integer sequence,
                                         @JsonProperty("toExternalReferences")
                                         List<ExternalReference> externalReferences) {
        return new HierarchyNode(uuid, Optional.ofNullable(displayId), Optional.ofNullable(title),
                Optional.ofNullable(description),
                Optional.ofNullable(parentNodeUUID != null ? parentNodeUUID : parentNodeUuid),
                Optional.ofNullable(rootNodeUUID != null ? rootNodeUUID : rootNodeUuid),
                Optional.ofNullable(hierarchyLevel != null ? hierarchyLevel : level), Optional.ofNullable(sequence),
                externalReferences == null ? List.of() : externalReferences);
    }

    /**
     * Whether this node is the root of its hierarchy (it has no parent).
     *
     * @return {@code true} for a root node
     */
    public boolean isRoot() {
        return parentNodeUuid.isEmpty();
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("uuid", uuid).put("displayId", displayId).put("title", title)
                .put("description", description).put("parentNodeUUID", parentNodeUuid)
                .put("rootNodeUUID", rootNodeUuid).put("hierarchyLevel", hierarchyLevel)
                .put("sequence", sequence)
                .put("toExternalReferences", externalReferences.isEmpty() ? null : externalReferences).build();
    }
}
