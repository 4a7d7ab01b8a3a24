package io.calmsdk.core.model.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.calmsdk.core.exception.ValidationException;
import java.util.List;
import org.immutables.value.Value;

/**
 * One plan in an entitlement assignment request ({@code subaccountServicePlans[]}): service and plan
 * name with the subaccounts to assign. Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(builder = ServicePlanAssignment.Builder.class)
public abstract class ServicePlanAssignment {

    ServicePlanAssignment() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServicePlanAssignment}. */
    public static final class Builder extends ImmutableServicePlanAssignment.Builder {
        Builder() {
        }
    }

    /**
     * The service's technical name ({@code serviceName}), e.g. {@code SAPCloudALMAPIs}.
     *
     * @return the service name
     */
    @JsonProperty("serviceName")
    public abstract String serviceName();

    /**
     * The plan's technical name ({@code servicePlanName}), e.g. {@code standard}.
     *
     * @return the plan name
     */
    @JsonProperty("servicePlanName")
    public abstract String servicePlanName();

    /**
     * The subaccounts to assign ({@code assignmentInfo}).
     *
     * @return at least one assignment
     */
    @JsonProperty("assignmentInfo")
    public abstract List<SubaccountAssignment> assignmentInfo();

    @Value.Check
    void check() {
        if (serviceName().isBlank()) {
            throw new ValidationException("serviceName", "is blank", "a service's technical name, e.g. SAPCloudALMAPIs");
        }
        if (servicePlanName().isBlank()) {
            throw new ValidationException("servicePlanName", "is blank", "a plan's technical name, e.g. standard");
        }
        if (assignmentInfo().isEmpty()) {
            throw new ValidationException("assignmentInfo", "is empty", "at least one subaccount assignment");
        }
    }
}
