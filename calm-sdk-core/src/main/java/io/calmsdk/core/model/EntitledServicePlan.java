package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A plan the global account is entitled to ({@code entitledServices[].servicePlans[]}): its category
 * (which decides {@code amount} or {@code enable}) and the quota left. Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = EntitledServicePlan.Builder.class)
public abstract class EntitledServicePlan {

    EntitledServicePlan() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EntitledServicePlan}. */
    public static final class Builder extends ImmutableEntitledServicePlan.Builder {
        Builder() {
        }
    }

    /**
     * The plan's technical name ({@code name}), e.g. {@code standard}.
     *
     * @return the name
     */
    @JsonProperty("name")
    public abstract String name();

    /**
     * The plan's display name ({@code displayName}).
     *
     * @return the display name
     */
    @JsonProperty("displayName")
    public abstract Optional<String> displayName();

    /**
     * The plan category ({@code category}).
     *
     * @return the category, when sent
     */
    @JsonProperty("category")
    public abstract Optional<PlanCategory> category();

    /**
     * The quota the global account owns ({@code amount}).
     *
     * @return the amount, when sent
     */
    @JsonProperty("amount")
    @JsonSerialize(contentUsing = WireFormats.WholeNumber.class)
    public abstract Optional<Double> amount();

    /**
     * The quota not yet assigned to subaccounts ({@code remainingAmount}).
     *
     * @return the remaining amount, when sent
     */
    @JsonProperty("remainingAmount")
    @JsonSerialize(contentUsing = WireFormats.WholeNumber.class)
    public abstract Optional<Double> remainingAmount();

    /**
     * Whether the quota is unlimited ({@code unlimited}).
     *
     * @return the flag, when sent
     */
    @JsonProperty("unlimited")
    public abstract Optional<Boolean> unlimited();

    /**
     * The plan's unique identifier ({@code uniqueIdentifier}).
     *
     * @return the identifier
     */
    @JsonProperty("uniqueIdentifier")
    public abstract Optional<String> uniqueIdentifier();

    /**
     * Whether quota is left to assign one more unit: unlimited, enable-style plans, or a remaining
     * amount of at least one. When the server sends no remaining amount, assume there is quota and
     * let the assignment call decide.
     *
     * @return {@code false} only when the plan clearly has no quota left
     */
    public boolean hasRemainingQuota() {
        if (unlimited().orElse(false)) {
            return true;
        }
        if (category().flatMap(PlanCategory::assignmentMode).filter(m -> m == PlanCategory.AssignmentMode.ENABLE).isPresent()) {
            return true;
        }
        return remainingAmount().map(r -> r >= 1).orElse(true);
    }
}
