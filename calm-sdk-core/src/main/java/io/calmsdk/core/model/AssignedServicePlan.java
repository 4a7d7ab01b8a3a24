package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An assigned plan ({@code assignedServices[].servicePlans[]}) with one assignment per entity.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class AssignedServicePlan {

    AssignedServicePlan() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AssignedServicePlan}. */
    public static final class Builder extends ImmutableAssignedServicePlan.Builder {
        Builder() {
        }
    }

    /**
     * The plan's technical name ({@code name}).
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The plan category ({@code category}), when the server repeats it here.
     *
     * @return the category
     */
    public abstract Optional<PlanCategory> category();

    /**
     * The assignments ({@code assignmentInfo}).
     *
     * @return the assignments
     */
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

    @JsonValue
    JsonNode toJson() {
        return new JsonOut()
                .put("name", name())
                .put("category", category().map(PlanCategory::value))
                .array("assignmentInfo", assignmentInfo(), AssignmentInfo::toJson)
                .node();
    }

    /**
     * Jackson: reads an assigned plan.
     *
     * @param node the JSON
     * @return the plan
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static AssignedServicePlan fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("AssignedServicePlan"));
        return builder()
                .name(in.text("name"))
                .category(in.optText("category").map(PlanCategory::fromString))
                .assignmentInfo(in.objects("assignmentInfo", AssignmentInfo::fromJson))
                .build();
    }
}
