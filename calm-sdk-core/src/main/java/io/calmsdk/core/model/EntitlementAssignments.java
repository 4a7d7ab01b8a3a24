package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer of {@code GET /entitlements/v1/assignments}: what the global account is entitled to
 * ({@link #entitledPlan(String, String)}, with remaining quota) and what is assigned to which
 * subaccount ({@link #assignment(String, String, String)}, with the processing state). A 204 answer
 * is {@link #empty()}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = EntitlementAssignments.Builder.class)
public abstract class EntitlementAssignments {

    private static final EntitlementAssignments EMPTY = builder().build();

    EntitlementAssignments() {
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EntitlementAssignments}; Jackson reads the answer with it. */
    static final class Builder extends ImmutableEntitlementAssignments.Builder {
        Builder() {
        }
    }

    /**
     * No entitlements and no assignments, what a 204 answer means.
     *
     * @return the empty assignments
     */
    public static EntitlementAssignments empty() {
        return EMPTY;
    }

    /**
     * The services the global account is entitled to ({@code entitledServices}).
     *
     * @return the services
     */
    @JsonProperty("entitledServices")
    abstract List<EntitledService> entitledServices();

    /**
     * The services assigned to entities ({@code assignedServices}).
     *
     * @return the services
     */
    @JsonProperty("assignedServices")
    abstract List<AssignedService> assignedServices();

    /**
     * The entitled plan, which tells its category and remaining quota.
     *
     * @param serviceName e.g. {@code SAPCloudALMAPIs}
     * @param planName e.g. {@code standard}
     * @return the plan, empty when the global account is not entitled to it
     */
    public Optional<EntitledServicePlan> entitledPlan(String serviceName, String planName) {
        return entitledServices().stream().filter(s -> s.name().equals(serviceName))
                .flatMap(s -> s.plan(planName).stream()).findFirst();
    }

    /**
     * The assignment of a plan to an entity.
     *
     * @param serviceName e.g. {@code SAPCloudALMAPIs}
     * @param planName e.g. {@code standard}
     * @param entityId the subaccount GUID
     * @return the assignment, empty when the plan is not assigned to the entity; the id is compared
     *     ignoring case, since GUIDs may come back in another case than they were sent in
     */
    public Optional<AssignmentInfo> assignment(String serviceName, String planName, String entityId) {
        return assignedServices().stream().filter(s -> s.name().equals(serviceName))
                .flatMap(s -> s.servicePlans().stream()).filter(p -> p.name().equals(planName))
                .flatMap(p -> p.assignmentFor(entityId).stream()).findFirst();
    }
}
