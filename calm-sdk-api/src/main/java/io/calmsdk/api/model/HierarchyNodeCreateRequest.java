package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.WireMaps;
import io.calmsdk.core.exception.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to send to create a process hierarchy node ({@code POST /calm-processhierarchy/v1/HierarchyNodes}):
 * a root node without a parent, a child node with one. Sent with SAP's field names:
 * {@code {"title", "description", "parentNodeUUID", "sequence", "toExternalReferences": [...]}}.
 * Immutable and thread-safe.
 */
public final class HierarchyNodeCreateRequest {

    private final String title;
    private final String description;
    private final String parentNodeUuid;
    private final Integer sequence;
    private final List<ExternalReference> externalReferences;

    private HierarchyNodeCreateRequest(Builder b) {
        this.title = Checks.notBlank("title", b.title);
        if (b.parentNodeUuid != null && b.parentNodeUuid.isBlank()) {
            throw new ValidationException("parentNodeUuid", "is blank", "the uuid of the parent node, or leave it unset"
                    + " for a root node");
        }
        if (b.sequence != null && b.sequence < 0) {
            throw new ValidationException("sequence", "is " + b.sequence, "0 or more");
        }
        this.description = b.description;
        this.parentNodeUuid = b.parentNodeUuid;
        this.sequence = b.sequence;
        this.externalReferences = List.copyOf(b.externalReferences);
    }

    /**
     * A request that creates a root node with this title.
     *
     * @param title the node's title
     * @return the request
     * @throws ValidationException if the title is blank
     */
    public static HierarchyNodeCreateRequest root(String title) {
        return builder().title(title).build();
    }

    /**
     * A request that creates a child node with this title under a parent.
     *
     * @param parentNodeUuid the parent node's uuid
     * @param title the node's title
     * @return the request
     * @throws ValidationException if an argument is blank
     */
    public static HierarchyNodeCreateRequest child(String parentNodeUuid, String title) {
        return builder().parentNodeUuid(Checks.notBlank("parentNodeUuid", parentNodeUuid)).title(title).build();
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
     * The node's title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The node's description.
     *
     * @return the description, if set
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The parent node; none for a root node.
     *
     * @return the parent's uuid, if set
     */
    public Optional<String> parentNodeUuid() {
        return Optional.ofNullable(parentNodeUuid);
    }

    /**
     * The position among the siblings; Cloud ALM appends the node when it is not set.
     *
     * @return the sequence, if set
     */
    public Optional<Integer> sequence() {
        return Optional.ofNullable(sequence);
    }

    /**
     * The node's external references.
     *
     * @return the references, possibly empty
     */
    public List<ExternalReference> externalReferences() {
        return externalReferences;
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("title", title).put("description", description)
                .put("parentNodeUUID", parentNodeUuid).put("sequence", sequence)
                .put("toExternalReferences", externalReferences.isEmpty() ? null : externalReferences).build();
    }

    @Override
    public String toString() {
        return "HierarchyNodeCreateRequest" + toWire();
    }

    /** Builds a {@link HierarchyNodeCreateRequest}. Not thread-safe. */
    public static final class Builder {
        private String title;
        private String description;
        private String parentNodeUuid;
        private Integer sequence;
        private final List<ExternalReference> externalReferences = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets the title (required).
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Makes the node a child of this node; without it the node is a root.
         *
         * @param parentNodeUuid the parent node's uuid
         * @return this builder
         */
        public Builder parentNodeUuid(String parentNodeUuid) {
            this.parentNodeUuid = parentNodeUuid;
            return this;
        }

        /**
         * Sets the position among the siblings.
         *
         * @param sequence the position, 0 or more
         * @return this builder
         */
        public Builder sequence(int sequence) {
            this.sequence = sequence;
            return this;
        }

        /**
         * Adds an external reference.
         *
         * @param reference the reference
         * @return this builder
         * @throws NullPointerException if the reference is {@code null}
         */
        public Builder externalReference(ExternalReference reference) {
            this.externalReferences.add(Objects.requireNonNull(reference, "reference"));
            return this;
        }

        /**
         * Replaces the external references added so far.
         *
         * @param references the references
         * @return this builder
         * @throws NullPointerException if the list or an element is {@code null}
         */
        public Builder externalReferences(List<ExternalReference> references) {
            List<ExternalReference> copy = List.copyOf(Objects.requireNonNull(references, "references"));
            this.externalReferences.clear();
            this.externalReferences.addAll(copy);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if the title is missing or blank, the parent is blank or the sequence
         *         is negative
         */
        public HierarchyNodeCreateRequest build() {
            return new HierarchyNodeCreateRequest(this);
        }
    }
}
