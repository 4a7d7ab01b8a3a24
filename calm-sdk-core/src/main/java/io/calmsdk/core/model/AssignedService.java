package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service with plans assigned to entities ({@code assignedServices[]}). Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
public abstract class AssignedService {

    AssignedService() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AssignedService}. */
    public static final class Builder extends ImmutableAssignedService.Builder {
        Builder() {
        }
    }

    /**
     * The service's technical name ({@code name}).
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The assigned plans ({@code servicePlans}).
     *
     * @return the plans
     */
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

    @JsonValue
    JsonNode toJson() {
        return new JsonOut()
                .put("name", name())
                .array("servicePlans", servicePlans(), AssignedServicePlan::toJson)
                .node();
    }

    /**
     * Jackson: reads an assigned service.
     *
     * @param node the JSON
     * @return the service
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static AssignedService fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("AssignedService"));
        return builder()
                .name(in.text("name"))
                .servicePlans(in.objects("servicePlans", AssignedServicePlan::fromJson))
                .build();
    }
}
