package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.internal.json.Json;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields to change on a process hierarchy node ({@code PATCH
 * /calm-processhierarchy/v1/HierarchyNodes/{uuid}}): only the fields set here are sent, the others keep
 * their values. A new parent moves the node (with the nodes below it); new external references replace the
 * node's references. Sent with SAP's field names ({@code parentNodeUUID}, {@code toExternalReferences}).
 * Immutable and thread-safe.
 */
public final class HierarchyNodeUpdateRequest {

    private final String title;
    private final String description;
    private final boolean parentSet;
    private final String parentNodeUuid;
    private final Integer sequence;
    private final List<ExternalReference> externalReferences;

    private HierarchyNodeUpdateRequest(Builder b) {
        if (b.title != null && b.title.isBlank()) {
            throw new ValidationException("title", "is blank", "a non-blank text, or leave it unset");
        }
        if (b.parentSet && b.parentNodeUuid != null && b.parentNodeUuid.isBlank()) {
            throw new ValidationException("parentNodeUuid", "is blank", "the uuid of the new parent node, or"
                    + " moveToRoot()");
        }
        if (b.sequence != null && b.sequence < 0) {
            throw new ValidationException("sequence", "is " + b.sequence, "0 or more");
        }
        if (b.title == null && b.description == null && !b.parentSet && b.sequence == null
                && b.externalReferences == null) {
            throw new ValidationException("update", "sets no field",
                    "at least one of title, description, parentNodeUuid (or moveToRoot), sequence, externalReferences");
        }
        this.title = b.title;
        this.description = b.description;
        this.parentSet = b.parentSet;
        this.parentNodeUuid = b.parentNodeUuid;
        this.sequence = b.sequence;
        this.externalReferences = b.externalReferences;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The new title.
     *
     * @return the title, if it changes
     */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /**
     * The new description.
     *
     * @return the description, if it changes
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The new parent node.
     *
     * @return the new parent's uuid, if the node moves under another node
     */
    public Optional<String> parentNodeUuid() {
        return Optional.ofNullable(parentNodeUuid);
    }

    /**
     * Whether the node becomes a root node.
     *
     * @return {@code true} after {@link Builder#moveToRoot()}
     */
    public boolean movesToRoot() {
        return parentSet && parentNodeUuid == null;
    }

    /**
     * The new position among the siblings.
     *
     * @return the sequence, if it changes
     */
    public Optional<Integer> sequence() {
        return Optional.ofNullable(sequence);
    }

    /**
     * The references that replace the node's external references.
     *
     * @return the new references (possibly empty: all removed), if they change
     */
    public Optional<List<ExternalReference>> externalReferences() {
        return Optional.ofNullable(externalReferences);
    }

    @JsonValue
    private ObjectNode toWire() {
        // A tree, not a map: the SDK's mapper leaves nulls out of maps, and a move to the root sends
        // "parentNodeUUID": null.
        ObjectNode wire = JsonNodeFactory.instance.objectNode();
        if (title != null) {
            wire.put("title", title);
        }
        if (description != null) {
            wire.put("description", description);
        }
        if (parentSet) {
            wire.put("parentNodeUUID", parentNodeUuid);
        }
        if (sequence != null) {
            wire.put("sequence", sequence);
        }
        if (externalReferences != null) {
            wire.set("toExternalReferences", Json.mapper().valueToTree(externalReferences));
        }
        return wire;
    }

    @Override
    public String toString() {
        return "HierarchyNodeUpdateRequest" + toWire();
    }

    /** Builds a {@link HierarchyNodeUpdateRequest}. Not thread-safe. */
    public static final class Builder {
        private String title;
        private String description;
        private boolean parentSet;
        private String parentNodeUuid;
        private Integer sequence;
        private List<ExternalReference> externalReferences;

        private Builder() {
        }

        /**
         * Changes the title.
         *
         * @param title the new title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Changes the description.
         *
         * @param description the new description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Moves the node (with the nodes below it) under another node.
         *
         * @param parentNodeUuid the new parent's uuid
         * @return this builder
         * @throws NullPointerException if the uuid is {@code null}; use {@link #moveToRoot()} instead
         */
        public Builder parentNodeUuid(String parentNodeUuid) {
            this.parentNodeUuid = Objects.requireNonNull(parentNodeUuid, "parentNodeUuid");
            this.parentSet = true;
            return this;
        }

        /**
         * Makes the node a root node (with the nodes below it).
         *
         * @return this builder
         */
        public Builder moveToRoot() {
            this.parentNodeUuid = null;
            this.parentSet = true;
            return this;
        }

        /**
         * Changes the position among the siblings.
         *
         * @param sequence the new position, 0 or more
         * @return this builder
         */
        public Builder sequence(int sequence) {
            this.sequence = sequence;
            return this;
        }

        /**
         * Replaces the node's external references; an empty list removes them all.
         *
         * @param references the new references
         * @return this builder
         * @throws NullPointerException if the list or an element is {@code null}
         */
        public Builder externalReferences(List<ExternalReference> references) {
            this.externalReferences = List.copyOf(Objects.requireNonNull(references, "references"));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set, the title or parent is blank, or the sequence is
         *         negative
         */
        public HierarchyNodeUpdateRequest build() {
            return new HierarchyNodeUpdateRequest(this);
        }
    }
}
