package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where an assigned plan stands for one entity, typically a subaccount
 * ({@code assignedServices[].servicePlans[].assignmentInfo[]}). Wait for {@link #entityState()} to be
 * {@link EntityState#OK}; {@link EntityState#PROCESSING_FAILED} is an error explained by
 * {@link #stateMessage()}. Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class AssignmentInfo {

    AssignmentInfo() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AssignmentInfo}. */
    public static final class Builder extends ImmutableAssignmentInfo.Builder {
        Builder() {
        }
    }

    /**
     * The entity's id ({@code entityId}), the subaccount GUID for subaccounts.
     *
     * @return the id
     */
    public abstract String entityId();

    /**
     * The entity type ({@code entityType}), e.g. {@code SUBACCOUNT}.
     *
     * @return the type
     */
    public abstract Optional<String> entityType();

    /**
     * The amount in effect ({@code amount}).
     *
     * @return the amount, when sent
     */
    public abstract Optional<Double> amount();

    /**
     * The amount last requested ({@code requestedAmount}); differs from {@link #amount()} while processing.
     *
     * @return the requested amount, when sent
     */
    public abstract Optional<Double> requestedAmount();

    /**
     * The processing state ({@code entityState}).
     *
     * @return the state, when sent
     */
    public abstract Optional<EntityState> entityState();

    /**
     * The server's explanation of the state ({@code stateMessage}).
     *
     * @return the message
     */
    public abstract Optional<String> stateMessage();

    /**
     * Whether the platform assigned the plan by itself ({@code autoAssigned}).
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> autoAssigned();

    @JsonValue
    JsonNode toJson() {
        return new JsonOut()
                .put("entityId", entityId())
                .put("entityType", entityType())
                .put("amount", amount())
                .put("requestedAmount", requestedAmount())
                .put("entityState", entityState().map(EntityState::value))
                .put("stateMessage", stateMessage())
                .put("autoAssigned", autoAssigned())
                .node();
    }

    /**
     * Jackson: reads an assignment.
     *
     * @param node the JSON
     * @return the assignment
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static AssignmentInfo fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("AssignmentInfo"));
        return builder()
                .entityId(in.text("entityId"))
                .entityType(in.optText("entityType"))
                .amount(in.optDouble("amount"))
                .requestedAmount(in.optDouble("requestedAmount"))
                .entityState(in.optText("entityState").map(EntityState::fromString))
                .stateMessage(in.optText("stateMessage"))
                .autoAssigned(in.optBoolean("autoAssigned"))
                .build();
    }
}
