package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service with plans assigned to entities ({@code assignedServices[]}). Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = AssignedService.Builder.class)
abstract class AssignedService {

    AssignedService() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AssignedService}. */
    static final class Builder extends ImmutableAssignedService.Builder {
        Builder() {
        }
    }

    /**
     * The service's technical name ({@code name}).
     *
     * @return the name
     */
    @JsonProperty("name")
    public abstract String name();

    /**
     * The assigned plans ({@code servicePlans}).
     *
     * @return the plans
     */
    @JsonProperty("servicePlans")
    public abstract List<AssignedServicePlan> servicePlans();

    /**
     * The assigned plan of this name.
     *
     * @param planName the plan's technical name
     * @return the plan, if assigned
     */
    public Optional<AssignedServicePlan> plan(String planName) {
        return servicePlans().stream().filter(p -> p.name().equals(planName)).findFirst();
    }
}
