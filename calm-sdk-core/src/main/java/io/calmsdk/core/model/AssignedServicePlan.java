package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An assigned plan ({@code assignedServices[].servicePlans[]}) with one assignment per entity.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = AssignedServicePlan.Builder.class)
abstract class AssignedServicePlan {

    AssignedServicePlan() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AssignedServicePlan}. */
    static final class Builder extends ImmutableAssignedServicePlan.Builder {
        Builder() {
        }
    }

    /**
     * The plan's technical name ({@code name}).
     *
     * @return the name
     */
    @JsonProperty("name")
    public abstract String name();

    /**
     * The plan category ({@code category}), when the server repeats it here.
     *
     * @return the category
     */
    @JsonProperty("category")
    public abstract Optional<PlanCategory> category();

    /**
     * The assignments ({@code assignmentInfo}).
     *
     * @return the assignments
     */
    @JsonProperty("assignmentInfo")
    public abstract List<AssignmentInfo> assignmentInfo();

    /**
     * The assignment to an entity.
     *
     * @param entityId the subaccount GUID (or other entity id)
     * @return the assignment, if any
     */
    public Optional<AssignmentInfo> assignmentFor(String entityId) {
        return assignmentInfo().stream().filter(a -> a.entityId().equalsIgnoreCase(entityId)).findFirst();
    }
}
