package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.core.exception.ValidationException;
import java.util.List;
import org.immutables.value.Value;

/**
 * One plan in an entitlement assignment request ({@code subaccountServicePlans[]}): service and plan
 * name with the subaccounts to assign. Instances are immutable and thread-safe.
 */
@Value.Immutable
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
    public abstract String serviceName();

    /**
     * The plan's technical name ({@code servicePlanName}), e.g. {@code standard}.
     *
     * @return the plan name
     */
    public abstract String servicePlanName();

    /**
     * The subaccounts to assign ({@code assignmentInfo}).
     *
     * @return at least one assignment
     */
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

    @JsonValue
    JsonNode toJson() {
        return new JsonOut()
                .put("serviceName", serviceName())
                .put("servicePlanName", servicePlanName())
                .array("assignmentInfo", assignmentInfo(), SubaccountAssignment::toJson)
                .node();
    }

    /**
     * Jackson: reads a plan assignment.
     *
     * @param node the JSON
     * @return the plan assignment
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ServicePlanAssignment fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("ServicePlanAssignment"));
        return builder()
                .serviceName(in.text("serviceName"))
                .servicePlanName(in.text("servicePlanName"))
                .assignmentInfo(in.objects("assignmentInfo", SubaccountAssignment::fromJson))
                .build();
    }
}
