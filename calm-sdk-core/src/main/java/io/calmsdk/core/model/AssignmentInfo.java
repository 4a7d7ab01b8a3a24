package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where an assigned plan stands for one entity, typically a subaccount
 * ({@code assignedServices[].servicePlans[].assignmentInfo[]}). Wait for {@link #entityState()} to be
 * {@link EntityState#OK}; {@link EntityState#PROCESSING_FAILED} is an error explained by
 * {@link #stateMessage()}. Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = AssignmentInfo.Builder.class)
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
    @JsonProperty("entityId")
    public abstract String entityId();

    /**
     * The entity type ({@code entityType}), e.g. {@code SUBACCOUNT}.
     *
     * @return the type
     */
    @JsonProperty("entityType")
    public abstract Optional<String> entityType();

    /**
     * The amount in effect ({@code amount}).
     *
     * @return the amount, when sent
     */
    @JsonProperty("amount")
    @JsonSerialize(contentUsing = WireFormats.WholeNumber.class)
    public abstract Optional<Double> amount();

    /**
     * The amount last requested ({@code requestedAmount}); differs from {@link #amount()} while processing.
     *
     * @return the requested amount, when sent
     */
    @JsonProperty("requestedAmount")
    @JsonSerialize(contentUsing = WireFormats.WholeNumber.class)
    public abstract Optional<Double> requestedAmount();

    /**
     * The processing state ({@code entityState}).
     *
     * @return the state, when sent
     */
    @JsonProperty("entityState")
    public abstract Optional<EntityState> entityState();

    /**
     * The server's explanation of the state ({@code stateMessage}).
     *
     * @return the message
     */
    @JsonProperty("stateMessage")
    public abstract Optional<String> stateMessage();

    /**
     * Whether the platform assigned the plan by itself ({@code autoAssigned}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("autoAssigned")
    public abstract Optional<Boolean> autoAssigned();
}
