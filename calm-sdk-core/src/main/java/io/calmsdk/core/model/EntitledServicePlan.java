package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A plan the global account is entitled to ({@code entitledServices[].servicePlans[]}): its category
 * (which decides {@code amount} or {@code enable}) and the quota left. Instances are immutable and
 * thread-safe.
 */
@Value.Immutable
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
    public abstract String name();

    /**
     * The plan's display name ({@code displayName}).
     *
     * @return the display name
     */
    public abstract Optional<String> displayName();

    /**
     * The plan category ({@code category}).
     *
     * @return the category, when sent
     */
    public abstract Optional<PlanCategory> category();

    /**
     * The quota the global account owns ({@code amount}).
     *
     * @return the amount, when sent
     */
    public abstract Optional<Double> amount();

    /**
     * The quota not yet assigned to subaccounts ({@code remainingAmount}).
     *
     * @return the remaining amount, when sent
     */
    public abstract Optional<Double> remainingAmount();

    /**
     * Whether the quota is unlimited ({@code unlimited}).
     *
     * @return the flag, when sent
     */
    public abstract Optional<Boolean> unlimited();

    /**
     * The plan's unique identifier ({@code uniqueIdentifier}).
     *
     * @return the identifier
     */
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
        if (category().flatMap(PlanCategory::assignmentMode).filter(m -> m == AssignmentMode.ENABLE).isPresent()) {
            return true;
        }
        return remainingAmount().map(r -> r >= 1).orElse(true);
    }

    @JsonValue
    JsonNode toJson() {
        return new JsonOut()
                .put("name", name())
                .put("displayName", displayName())
                .put("category", category().map(PlanCategory::value))
                .put("amount", amount())
                .put("remainingAmount", remainingAmount())
                .put("unlimited", unlimited())
                .put("uniqueIdentifier", uniqueIdentifier())
                .node();
    }

    /**
     * Jackson: reads an entitled plan.
     *
     * @param node the JSON
     * @return the plan
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static EntitledServicePlan fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("EntitledServicePlan"));
        return builder()
                .name(in.text("name"))
                .displayName(in.optText("displayName"))
                .category(in.optText("category").map(PlanCategory::fromString))
                .amount(in.optDouble("amount"))
                .remainingAmount(in.optDouble("remainingAmount"))
                .unlimited(in.optBoolean("unlimited"))
                .uniqueIdentifier(in.optText("uniqueIdentifier"))
                .build();
    }
}
