package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.WireMaps;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of the Cloud ALM process hierarchy, an entity of the OData v4 collection
 * {@code /calm-processhierarchy/v1/HierarchyNodes}.
 *
 * @param uuid the node's key
 * @param displayId the node's human-readable id, when sent
 * @param title the node's title, when sent
 * @param description the node's description, when sent
 * @param parentNodeUuid the key of the parent node; empty for a root node
 * @param rootNodeUuid the key of the root node of the node's hierarchy, when sent
 * @param hierarchyLevel the depth of the node (roots are level 0 or 1 depending on the tenant), when sent
 * @param sequence the position among the node's siblings, when sent
 */
public record HierarchyNode(String uuid, Optional<String> displayId, Optional<String> title,
                            Optional<String> description, Optional<String> parentNodeUuid,
                            Optional<String> rootNodeUuid, Optional<Integer> hierarchyLevel,
                            Optional<Integer> sequence) {

    /**
     * Checks that required fields are present.
     *
     * @param uuid see {@link #uuid()}
     * @param displayId see {@link #displayId()}
     * @param title see {@link #title()}
     * @param description see {@link #description()}
     * @param parentNodeUuid see {@link #parentNodeUuid()}
     * @param rootNodeUuid see {@link #rootNodeUuid()}
     * @param hierarchyLevel see {@link #hierarchyLevel()}
     * @param sequence see {@link #sequence()}
     * @throws NullPointerException if any argument is {@code null} (use {@link Optional#empty()})
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
    }

    /**
     * Creates a node from its JSON fields; used by the SDK's JSON decoding.
     *
     * @param uuid the key
     * @param displayId the display id, may be {@code null}
     * @param title the title, may be {@code null}
     * @param description the description, may be {@code null}
     * @param parentNodeUuid the parent's key, may be {@code null}
     * @param rootNodeUuid the root's key, may be {@code null}
     * @param hierarchyLevel the level, may be {@code null}
     * @param level the level under its other wire name, used when {@code hierarchyLevel} is absent
     * @param sequence the sequence, may be {@code null}
     * @return the node
     * @throws NullPointerException if {@code uuid} is missing
     */
    @JsonCreator
    public static HierarchyNode fromJson(@JsonProperty("uuid") String uuid,
                                         @JsonProperty("displayId") String displayId,
                                         @JsonProperty("title") String title,
                                         @JsonProperty("description") String description,
                                         @JsonProperty("parentNodeUuid") String parentNodeUuid,
                                         @JsonProperty("rootNodeUuid") String rootNodeUuid,
                                         @JsonProperty("hierarchyLevel") Integer hierarchyLevel,
                                         @JsonProperty("level") Integer level,
                                         @JsonProperty("sequence") Integer sequence) {
        return new HierarchyNode(uuid, Optional.ofNullable(displayId), Optional.ofNullable(title),
                Optional.ofNullable(description), Optional.ofNullable(parentNodeUuid),
                Optional.ofNullable(rootNodeUuid), Optional.ofNullable(hierarchyLevel != null ? hierarchyLevel : level),
                Optional.ofNullable(sequence));
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
                .put("description", description).put("parentNodeUuid", parentNodeUuid)
                .put("rootNodeUuid", rootNodeUuid).put("hierarchyLevel", hierarchyLevel)
                .put("sequence", sequence).build();
    }
}
