package io.calmsdk.core.model.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.calmsdk.core.exception.ValidationException;
import java.util.List;
import org.immutables.value.Value;

/**
 * The body of {@code PUT /entitlements/v1/subaccountServicePlans}:
 * {@code {"subaccountServicePlans": [{"serviceName", "servicePlanName", "assignmentInfo": [...]}]}}.
 *
 * <pre>{@code
 * EntitlementAssignmentRequest body = EntitlementAssignmentRequest.of(
 *         "SAPCloudALMAPIs", "standard", SubaccountAssignment.assign(category, subaccountGuid, 1));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonDeserialize(builder = EntitlementAssignmentRequest.Builder.class)
public abstract class EntitlementAssignmentRequest {

    EntitlementAssignmentRequest() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EntitlementAssignmentRequest}. */
    public static final class Builder extends ImmutableEntitlementAssignmentRequest.Builder {
        Builder() {
        }
    }

    /**
     * A request for one plan and one subaccount.
     *
     * @param serviceName e.g. {@code SAPCloudALMAPIs}
     * @param servicePlanName e.g. {@code standard}
     * @param assignment the subaccount assignment
     * @return the request
     * @throws ValidationException when a name is blank
     */
    public static EntitlementAssignmentRequest of(String serviceName, String servicePlanName, SubaccountAssignment assignment) {
        return builder().addSubaccountServicePlans(ServicePlanAssignment.builder()
                .serviceName(serviceName).servicePlanName(servicePlanName).addAssignmentInfo(assignment).build()).build();
    }

    /**
     * The plans to assign ({@code subaccountServicePlans}).
     *
     * @return at least one plan
     */
    @JsonProperty("subaccountServicePlans")
    public abstract List<ServicePlanAssignment> subaccountServicePlans();

    @Value.Check
    void check() {
        if (subaccountServicePlans().isEmpty()) {
            throw new ValidationException("subaccountServicePlans", "is empty", "at least one plan assignment");
        }
    }
}
